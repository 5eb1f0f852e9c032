//! Share links: `1.<base64url-nopad(raw-deflate(scenario JSON))>`.
//! (Being written; see the tests at the bottom.)
