//! The message catalogue: every text of the interface, in English and Korean,
//! one line per key. The `catalogue!` macro turns the table into the `Text`
//! enum and one static array of `[English, Korean]` pairs indexed by the key,
//! so a key without both texts does not compile, and a lookup is an index
//! into data (no per-key code, which keeps the wasm small). Unit tests in
//! `i18n` check that no text is empty and that both languages of a template
//! have the same `{placeholders}`.

use super::Lang;

macro_rules! catalogue {
    ($( $key:ident => $en:literal, $ko:literal; )*) => {
        /// A text of the interface; [`Lang::t`] gives it in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Text {
            $( $key, )*
        }

        /// `[English, Korean]` for each key, in the enum's order.
        static TEXTS: &[[&str; 2]] = &[ $( [$en, $ko], )* ];

        impl Text {
            /// Every key, for the tests.
            #[cfg(test)]
            pub const ALL: &'static [Text] = &[ $( Text::$key, )* ];
        }
    };
}

impl Text {
    /// This text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        TEXTS[self as usize][lang as usize]
    }
}

catalogue! {
    // The header and the app shell.
    UntitledScenario => "Untitled scenario", "제목 없는 시나리오";
    Dismiss => "Dismiss", "닫기";
    HistoryGroup => "History", "편집 기록";
    Undo => "Undo", "실행 취소";
    UndoTitle => "Undo (Ctrl+Z, ⌘Z on a Mac)", "실행 취소 (Ctrl+Z, Mac에서는 ⌘Z)";
    Redo => "Redo", "다시 실행";
    RedoTitle => "Redo (Ctrl+Shift+Z or Ctrl+Y, ⇧⌘Z on a Mac)", "다시 실행 (Ctrl+Shift+Z 또는 Ctrl+Y, Mac에서는 ⇧⌘Z)";
    Language => "Language", "언어";
    LanguageTitle => "Language of the interface, remembered in this browser", "화면에 쓰는 언어 (이 브라우저에 기억됩니다)";
    LinkChoiceTitle => "Open the shared scenario?", "공유된 시나리오를 열까요?";
    LinkChoiceWhat => "The link holds {shared}. Your own work in this browser is {own}.",
        "링크의 시나리오: {shared}. 이 브라우저에 있는 내 작업: {own}.";
    LinkChoiceNote => "If you open the link, your work stays saved here until you change the shared scenario, and Undo brings it back.",
        "링크를 열어도 공유된 시나리오를 바꾸기 전까지 내 작업은 여기에 저장되어 있고, 실행 취소로 되돌릴 수 있습니다.";
    KeepMyWork => "Keep my work", "내 작업 유지";
    KeepMyWorkTitle => "Close the link and go on with your own scenario", "링크를 닫고 내 시나리오로 계속합니다";
    OpenSharedScenario => "Open the shared scenario", "공유된 시나리오 열기";
    OpenSharedScenarioTitle => "Show the shared scenario; Undo returns to your work", "공유된 시나리오를 엽니다. 실행 취소하면 내 작업으로 돌아갑니다";
    OneComponent => "1 component", "구성 요소 1개";
    ManyComponents => "{n} components", "구성 요소 {n}개";
    UntitledWithParts => "an untitled scenario with {parts}", "제목 없는 시나리오 ({parts})";
    TitledWithParts => "“{title}” ({parts})", "“{title}” ({parts})";
    ChangeNotMade => "That change was not made: {reason}", "변경하지 않았습니다: {reason}";

    // The share bar: presets, share links, export and import.
    PresetBroken => "The preset '{stem}' is broken: {reason}", "프리셋 '{stem}' 손상: {reason}";
    TooLargeToShare => "This scenario is too large for a share link; use Export to save it as a file instead.",
        "이 시나리오는 공유 링크로 만들기에 너무 큽니다. 대신 내보내기로 파일에 저장하세요.";
    SaveRefused => "The browser refused to save the file.", "브라우저가 파일 저장을 거부했습니다.";
    FileNotText => "The file is not text.", "텍스트 파일이 아닙니다.";
    FileUnreadable => "The file could not be read.", "파일을 읽을 수 없습니다.";
    PresetScenarios => "Preset scenarios", "프리셋 시나리오";
    NoPresets => "No presets in this build.", "이 빌드에는 프리셋이 없습니다.";
    ScenariosMenu => "Scenarios ▾", "시나리오 ▾";
    Share => "Share", "공유";
    ShareTitle => "Make a link that opens this scenario, and copy it", "이 시나리오를 여는 링크를 만들어 복사합니다";
    ShareLink => "Share link", "공유 링크";
    Copied => "copied", "복사됨";
    Export => "Export", "내보내기";
    ExportTitle => "Download this scenario as a .json file", "이 시나리오를 .json 파일로 내려받습니다";
    Import => "Import", "가져오기";
    ImportTitle => "Open a scenario .json file", "시나리오 .json 파일을 엽니다";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_one_entry_per_key() {
        assert_eq!(TEXTS.len(), Text::ALL.len());
        for (index, &key) in Text::ALL.iter().enumerate() {
            assert_eq!(key as usize, index);
        }
    }
}
