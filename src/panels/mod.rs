//! Panels beside the canvas: metrics, event log.
