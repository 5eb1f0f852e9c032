//! The message catalogue: every text of the interface, in English and Korean,
//! one line per key. The `catalogue!` macro turns the table into the `Text`
//! enum and one static array of `[English, Korean]` pairs indexed by the key,
//! so a key without both texts does not compile, and a lookup is an index
//! into data (no per-key code, which keeps the wasm small). Unit tests in
//! `i18n` check that no text is empty and that both languages of a template
//! have the same `{placeholders}`.
//!
//! A text that reads the same in both languages (a name such as "Ingress",
//! a flag such as `--node-monitor-period`) says `same` instead of repeating
//! itself, so a Korean text equal to its English one is otherwise a
//! forgotten translation, which a test catches.

use super::Lang;
use fanout_engine::scenario::ComponentKind;

/// The Korean text of an entry: its own, or the English one for `same`.
macro_rules! korean {
    ($en:literal, same) => {
        $en
    };
    ($en:literal, $ko:literal) => {
        $ko
    };
}

/// Whether an entry is marked `same` (for the tests).
#[cfg(test)]
macro_rules! marked_same {
    (same) => {
        true
    };
    ($ko:literal) => {
        false
    };
}

macro_rules! catalogue {
    ($( $key:ident => $en:literal, $ko:tt; )*) => {
        /// A text of the interface; [`Lang::t`] gives it in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Text {
            $( $key, )*
        }

        /// `[English, Korean]` for each key, in the enum's order.
        static TEXTS: &[[&str; 2]] = &[ $( [$en, korean!($en, $ko)], )* ];

        impl Text {
            /// Every key, for the tests.
            #[cfg(test)]
            pub const ALL: &'static [Text] = &[ $( Text::$key, )* ];

            /// Whether the entry reads the same in both languages on purpose.
            #[cfg(test)]
            pub fn same_in_both(self) -> bool {
                const SAME: &[bool] = &[ $( marked_same!($ko), )* ];
                SAME[self as usize]
            }
        }
    };
}

impl Text {
    /// This text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        TEXTS[self as usize][lang as usize]
    }

    /// What a person calls a component's kind, FIFO variants included.
    pub fn kind(kind: ComponentKind, fifo: bool) -> Text {
        use ComponentKind as K;
        match (kind, fifo) {
            (K::Topic, true) => Text::KindFifoTopic,
            (K::Queue, true) => Text::KindFifoQueue,
            (K::Publisher, _) => Text::KindPublisher,
            (K::Topic, _) => Text::KindTopic,
            (K::Queue, _) => Text::KindQueue,
            (K::Consumer, _) => Text::KindConsumer,
            (K::Node, _) => Text::KindNode,
            (K::Deployment, _) => Text::KindDeployment,
            (K::Service, _) => Text::KindService,
            (K::Ingress, _) => Text::KindIngress,
            (K::ControlPlane, _) => Text::KindControlPlane,
        }
    }

    /// What a kind does, in a sentence or three, FIFO variants included.
    /// Figures match the defaults (SEMANTICS.md).
    pub fn kind_help(kind: ComponentKind, fifo: bool) -> Text {
        use ComponentKind as K;
        match (kind, fifo) {
            (K::Topic, true) => Text::HelpFifoTopic,
            (K::Queue, true) => Text::HelpFifoQueue,
            (K::Publisher, _) => Text::HelpPublisher,
            (K::Topic, _) => Text::HelpTopic,
            (K::Queue, _) => Text::HelpQueue,
            (K::Consumer, _) => Text::HelpConsumer,
            (K::Node, _) => Text::HelpNode,
            (K::Deployment, _) => Text::HelpDeployment,
            (K::Service, _) => Text::HelpService,
            (K::Ingress, _) => Text::HelpIngress,
            (K::ControlPlane, _) => Text::HelpControlPlane,
        }
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
    TitledWithParts => "“{title}” ({parts})", same;
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
    CopyEmbed => "Embed", "임베드";
    CopyEmbedTitle => "Copy an <iframe> that shows this scenario in a slide (800 × 450, playing at once; see docs/embed.md)", "이 시나리오를 슬라이드에 넣는 <iframe> 코드를 복사합니다 (800 × 450, 바로 재생; docs/embed.md 참고)";
    EmbedCode => "Embed code", "임베드 코드";
    Export => "Export", "내보내기";
    ExportTitle => "Download this scenario as a .json file", "이 시나리오를 .json 파일로 내려받습니다";
    Import => "Import", "가져오기";
    ImportTitle => "Open a scenario .json file", "시나리오 .json 파일을 엽니다";

    // Component kinds: what a person calls them (FIFO variants included),
    // and what each does (the palette's tooltips).
    KindPublisher => "Publisher", "발행자";
    KindTopic => "SNS topic", "SNS 토픽";
    KindFifoTopic => "SNS FIFO topic", "SNS FIFO 토픽";
    KindQueue => "SQS queue", "SQS 큐";
    KindFifoQueue => "SQS FIFO queue", "SQS FIFO 큐";
    KindConsumer => "Consumer", "컨슈머";
    KindNode => "Node", "노드";
    KindDeployment => "Deployment", same;
    KindService => "Service", "서비스";
    KindIngress => "Ingress", same;
    KindControlPlane => "Control plane", "컨트롤 플레인";
    PaletteFifoTopic => "FIFO topic", "FIFO 토픽";
    PaletteFifoQueue => "FIFO queue", "FIFO 큐";
    HelpPublisher => "Publisher: creates orders (default 2 msg/s, steady or Poisson) and sends a copy down every outgoing wire. Wired straight to a consumer it is a direct HTTP-like call: orders sent while that consumer is down are lost.",
        "발행자: 주문을 만들어 (기본 초당 2건, 일정한 간격 또는 포아송) 나가는 연결마다 사본을 보냅니다. 컨슈머에 바로 연결하면 HTTP 같은 직접 호출이라, 그 컨슈머가 죽어 있는 동안 보낸 주문은 유실됩니다.";
    HelpTopic => "SNS Standard topic: pushes a copy of every message to each subscriber (its outgoing wires). Pushes to a consumer that is down are retried 3 times, 20 s apart, then dropped; delivery into a queue always succeeds.",
        "SNS Standard 토픽: 모든 메세지의 사본을 구독자(나가는 연결)마다 Push합니다. 죽어 있는 컨슈머로의 Push는 20초 간격으로 3번 재시도한 뒤 버리고, 큐로의 전달은 항상 성공합니다.";
    HelpFifoTopic => "SNS FIFO topic: like a Standard topic, but each message group keeps its order, duplicates within 5 minutes are dropped, and it publishes up to 3,000 msg/s. It delivers only to SQS FIFO queues.",
        "SNS FIFO 토픽: Standard 토픽과 같지만 메세지 그룹마다 순서를 지키고, 5분 안의 중복은 버리며, 초당 3,000건까지 발행합니다. SQS FIFO 큐에만 전달합니다.";
    HelpQueue => "SQS Standard queue: stores messages until a consumer receives and deletes them; visibility timeout 30 s. At-least-once: a message that is received but not deleted in time becomes visible again and is delivered again.",
        "SQS Standard 큐: 컨슈머가 받아서 삭제할 때까지 메세지를 보관합니다. visibility timeout은 30초. 최소 한 번 전달: 받았지만 제때 삭제하지 않은 메세지는 다시 보이게 되어 또 전달됩니다.";
    HelpFifoQueue => "SQS FIFO queue: each message group is delivered in order, one message of a group in flight at a time (the head blocks its group); duplicates within 5 minutes are accepted but not delivered; 300 API calls/s per action, 3,000 msg/s with batches of 10.",
        "SQS FIFO 큐: 메세지 그룹마다 순서대로, 한 그룹에서 한 번에 하나씩 전달합니다 (맨 앞 메세지가 그룹을 막습니다). 5분 안의 중복은 받지만 전달하지 않습니다. 동작마다 초당 API 호출 300건, 10건씩 묶으면 초당 3,000건.";
    HelpConsumer => "Consumer: a service that processes each message (default 200 ms, one at a time) and deletes it from its queue when done. Scale it out with instances; kill it to see what is lost or redelivered.",
        "컨슈머: 메세지를 하나씩 처리하고 (기본 200 ms) 끝나면 큐에서 삭제하는 서비스입니다. 인스턴스를 늘려 확장하고, 죽여 보면 무엇이 유실되거나 다시 전달되는지 볼 수 있습니다.";
    HelpNode => "Node: a machine of the Kubernetes cluster (default 4 CPUs, 8 GiB, zone-a) with a kubelet reporting every 10 s. Kill it: the API marks it NotReady after 50 s and evicts its pods 300 s later.",
        "노드: 쿠버네티스 클러스터의 머신입니다 (기본 CPU 4개, 8 GiB, zone-a). kubelet이 10초마다 상태를 보고합니다. 죽이면 50초 뒤 API가 NotReady로 표시하고, 300초 뒤 그 Pod들을 축출합니다.";
    HelpDeployment => "Deployment: keeps its replicas (default 3) running as pods on the nodes. A consumer or publisher can run on it: one instance per Running and Ready pod.",
        "Deployment: replica(기본 3개)를 노드 위의 Pod로 계속 실행합니다. 컨슈머나 발행자를 그 위에서 실행할 수 있고, Running이면서 Ready인 Pod마다 인스턴스가 하나입니다.";
    HelpService => "Service: a stable address for the Ready pods its selector matches. Wire a publisher or topic to it for HTTP calls; with no Ready endpoint a call fails.",
        "서비스: selector에 맞는 Ready Pod들의 고정 주소입니다. 발행자나 토픽을 연결하면 HTTP 호출을 보내고, Ready인 엔드포인트가 없으면 호출이 실패합니다.";
    HelpIngress => "Ingress: routes HTTP requests by host and path to services (needs an ingress controller).",
        "Ingress: HTTP 요청을 호스트와 경로에 따라 서비스로 보냅니다 (ingress controller가 필요합니다).";
    HelpControlPlane => "Control plane: kube-apiserver with etcd (3 members, quorum 2), kube-scheduler and kube-controller-manager. A cluster has exactly one.",
        "컨트롤 플레인: ETCD(멤버 3개, 과반수 2)에 상태를 저장하는 kube-apiserver, kube-scheduler, kube-controller-manager. 클러스터마다 정확히 하나 있습니다.";

    // The palette.
    PaletteTitle => "Components", "구성 요소";
    PaletteHint => "Drag onto the canvas, or click to add.", "캔버스로 끌어다 놓거나, 클릭해서 추가하세요.";

    // The transport bar.
    PlaybackToolbar => "Playback", "재생 제어";
    Play => "Play", "재생";
    PlayTitle => "Play (Space)", "재생 (Space)";
    Pause => "Pause", "일시 정지";
    PauseTitle => "Pause (Space)", "일시 정지 (Space)";
    Step => "Step", "한 단계";
    StepTitle => "Run to the next event", "다음 이벤트까지 실행합니다";
    Reset => "Reset", "처음으로";
    ResetTitle => "Back to time zero", "시간 0으로 되돌립니다";
    Speed => "Speed", "속도";
    SpeedTitle => "Sim seconds per wall second", "실제 1초 동안 흐르는 시뮬레이션 초";
    Clock => "Clock", "시계";
    ClockTitle => "The scenario's clock: sim seconds per wall second at 1×. Saved with the scenario, so a minutes-long failover can play in seconds; every time shown stays the real one.",
        "시나리오의 시계: 1× 속도에서 실제 1초 동안 흐르는 시뮬레이션 초입니다. 시나리오와 함께 저장되므로 몇 분 걸리는 장애 조치도 몇 초 만에 재생되고, 화면에 보이는 시간은 모두 실제 시간 그대로입니다.";
    SkipIdle => "Skip idle", "유휴 건너뛰기";
    SkipIdleTitle => "Skip idle time: while nothing in the cluster changes (a node's grace period, a pod's toleration) or no message travels, time runs {n}× faster, and slows down again as soon as something happens. Saved with the scenario.",
        "유휴 시간 건너뛰기: 클러스터에 아무 변화가 없거나 (노드의 유예 기간, Pod의 toleration 대기) 이동 중인 메세지가 없는 동안 시간이 {n}배 빨리 흐르고, 무언가 일어나면 바로 다시 느려집니다. 시나리오와 함께 저장됩니다.";
    SkippingIdle => "skipping idle time ({n}×)", "유휴 시간 건너뛰는 중 ({n}×)";
    SimulatedTime => "Simulated time", "시뮬레이션 시간";
    TimelineTitle => "The run so far, and the fault script; the line ends at {end}", "지금까지의 실행과 장애 스크립트. 선은 {end}에서 끝납니다";
    TimelineMark => "at {time}: {words}", "{time}: {words}";

    // The faults strip: what can go wrong with the selection, live.
    FaultsToolbar => "Faults", "장애";
    Uncordon => "Uncordon", "배치 재개 (uncordon)";
    UncordonTitle => "Let the scheduler place new pods here again", "스케줄러가 이 노드에 다시 새 Pod를 배치할 수 있게 합니다";
    Cordon => "Cordon", "배치 중지 (cordon)";
    CordonTitle => "No new pods are scheduled here (running ones stay)", "이 노드에 새 Pod를 배치하지 않습니다 (실행 중인 Pod는 그대로)";
    Drain => "Drain", "비우기 (drain)";
    DrainTitle => "Cordon, then evict every pod (kubectl drain)", "배치를 중지한 뒤 모든 Pod를 축출합니다 (kubectl drain)";
    KillZone => "Kill zone {zone}", "{zone} 죽이기";
    KillZoneTitle => "Every node in {zone} dies at once", "{zone}의 모든 노드가 한꺼번에 죽습니다";
    ReviveZone => "Revive zone", "zone 살리기";
    ReviveZoneTitle => "Every node in {zone} comes back", "{zone}의 모든 노드가 살아납니다";
    KillPod => "Kill a pod", "Pod 하나 죽이기";
    KillPodTitle => "Force-delete the oldest pod; its ReplicaSet replaces it", "가장 오래된 Pod를 강제로 삭제합니다. ReplicaSet이 새 Pod로 대신합니다";
    ScaleTitle => "Scale the deployment to this many replicas (kubectl scale)", "Deployment의 replica 수를 이 값으로 맞춥니다 (kubectl scale)";
    ReplicasField => "Replicas ", "replica ";
    Scale => "Scale", "조정";
    CrashLoop => "Crash loop", "crash loop 일으키기";
    HealCrashLoop => "Heal crash loop", "crash loop 고치기";
    CrashLoopTitle => "Every current pod's container crashes at start (CrashLoopBackOff), or is healed",
        "지금 있는 모든 Pod의 컨테이너가 시작하자마자 죽거나 (CrashLoopBackOff), 다시 고쳐집니다";
    KillEtcdMember => "Kill etcd member", "etcd 멤버 죽이기";
    KillEtcdNumber => "Kill etcd {m}", "etcd {m} 죽이기";
    KillEtcdTitle => "One etcd member dies; without a quorum the API is unavailable", "etcd 멤버 하나가 죽습니다. 과반수가 깨지면 API를 쓸 수 없습니다";
    ReviveEtcdMember => "Revive etcd member", "etcd 멤버 살리기";
    ReviveEtcdNumber => "Revive etcd {m}", "etcd {m} 살리기";
    ReviveEtcdTitle => "A dead etcd member comes back", "죽은 etcd 멤버가 살아납니다";
    KillScheduler => "Kill scheduler", "스케줄러 죽이기";
    KillSchedulerTitle => "The leading kube-scheduler dies: nothing new is placed", "리더인 kube-scheduler가 죽습니다. 새 Pod가 배치되지 않습니다";
    ReviveScheduler => "Revive scheduler", "스케줄러 살리기";
    ReviveSchedulerTitle => "Every kube-scheduler replica comes back", "모든 kube-scheduler replica가 살아납니다";
    KillControllerManager => "Kill controller-manager", "controller-manager 죽이기";
    KillControllerManagerTitle => "The leading kube-controller-manager dies: no replacements, no evictions",
        "리더인 kube-controller-manager가 죽습니다. 대신할 Pod도, 축출도 없습니다";
    ReviveControllerManager => "Revive controller-manager", "controller-manager 살리기";
    ReviveControllerManagerTitle => "Every kube-controller-manager replica comes back", "모든 kube-controller-manager replica가 살아납니다";
    OnlyNodesKillable => "Only nodes of the cluster can be killed here", "클러스터에서는 여기서 노드만 죽일 수 있습니다";
    ManagedServicesStayUp => "Topics and queues are managed services: they stay up", "토픽과 큐는 관리형 서비스라서 죽지 않습니다";
    KillNameTitle => "Kill {name} now (K)", "{name} 지금 죽이기 (K)";
    NameRunning => "{name} is running", "{name}: 실행 중";
    NameAlreadyDown => "{name} is already down", "{name}: 이미 죽어 있음";
    ReviveNameTitle => "Revive {name} now (R)", "{name} 지금 살리기 (R)";
    Kill => "Kill", "죽이기";
    Revive => "Revive", "살리기";
    SlowTitle => "{name} takes this many times as long to process each message", "{name}: 메세지마다 처리 시간이 이 배수만큼 길어집니다";
    SlowField => "Slow ", "느리게 ";
    SlowNormal => "×1 (normal)", "×1 (보통)";
    MessagesTitle => "The messages {name} holds right now", "{name}에 지금 있는 메세지";
    Messages => "Messages", "메세지";
    Heal => "Heal", "복구";
    HealTitle => "Let messages through this wire again", "이 연결로 메세지가 다시 지나가게 합니다";
    Partition => "Partition", "끊기";
    PartitionTitle => "Nothing gets through this wire until it is healed", "복구할 때까지 이 연결로 아무것도 지나가지 못합니다";
    DelayTitle => "Extra one-way delay on this wire, in ms", "이 연결에 더하는 단방향 지연 (ms)";
    DelayField => "Delay +", "지연 +";
    Apply => "Apply", "적용";
    LossTitle => "Fraction of messages this wire loses (0–1)", "이 연결에서 잃어버리는 메세지의 비율 (0–1)";
    LossField => "Loss ", "손실 ";
    RecordFaultTitle => "Add “{words}” to the fault script, so a share link replays it",
        "장애 스크립트에 추가: “{words}” (공유 링크에서도 다시 일어납니다)";
    RecordFaultFirst => "Apply a fault live first; then it can be added to the fault script",
        "먼저 장애를 실시간으로 일으키면, 그 장애를 장애 스크립트에 추가할 수 있습니다";
    RecordFaultWide => "Add to ", "스크립트에 ";
    RecordFaultNarrow => "script", "추가";

    // The metrics panel: headings and what each number counts.
    MetricsPanel => "Metrics", "지표";
    MetricPublished => "Published", "발행";
    TipPublished => "Orders a publisher created", "발행자가 만든 주문";
    MetricDelivered => "Delivered", "전달";
    TipDelivered => "Copies processed successfully (and deleted, when they came from a queue)", "성공적으로 처리된 사본 (큐에서 온 사본은 삭제까지 끝난 것)";
    MetricInQueue => "In queue", "큐에 있음";
    TipInQueue => "Copies stored in a queue, waiting to be received", "큐에 저장되어 수신을 기다리는 사본";
    MetricInFlight => "In flight", "이동 중";
    TipInFlight => "Copies on a wire, being processed, waiting for a retry, or received from a queue and not yet deleted",
        "연결 위에 있거나, 처리 중이거나, 재시도를 기다리거나, 큐에서 받았지만 아직 삭제되지 않은 사본";
    MetricLost => "Lost", "유실";
    TipLost => "Copies that will never be delivered", "끝내 전달되지 못할 사본";
    MetricDuplicates => "Duplicates", "중복";
    TipDuplicates => "Extra processings of a copy that had already been processed", "이미 처리된 사본을 다시 처리한 횟수";
    MetricOutOfOrder => "Out of order", "순서 어긋남";
    TipOutOfOrder => "Receives of a copy older than one already received", "이미 받은 사본보다 오래된 사본을 받은 횟수";
    MetricExpired => "Expired", "만료";
    TipExpired => "Copies a queue dropped because they outlived its retention period", "보존 기간이 지나 큐가 버린 사본";
    MetricDeadLettered => "Dead-lettered", "DLQ로 이동";
    TipDeadLettered => "Copies moved to a dead-letter queue", "dead-letter 큐(DLQ)로 옮겨진 사본";
    MetricFiltered => "Filtered", "필터링됨";
    TipFiltered => "Copies a subscription's filter policy did not let through", "구독의 필터 정책이 통과시키지 않은 사본";
    MetricDeduplicated => "Deduplicated", "중복 제거";
    TipDeduplicated => "Duplicates a FIFO queue or topic accepted but did not deliver", "FIFO 큐나 토픽이 받았지만 전달하지 않은 중복";
    MetricThrottled => "Throttled", "요청 거절";
    TipThrottled => "API calls refused for exceeding a throughput limit (FIFO: 300/s per action)", "처리량 한도를 넘어 거절된 API 호출 (FIFO: 동작마다 초당 300건)";
    MetricOldestAge => "Oldest age", "최장 대기";
    TipOldestAge => "Age of the oldest copy still waiting in a queue", "큐에서 아직 기다리는 가장 오래된 사본의 나이";
    MetricLatencyP50 => "Latency p50", "지연 p50";
    TipLatencyP50 => "Median time from publish to successful processing", "발행부터 처리 성공까지 걸린 시간의 중앙값";
    MetricLatencyP99 => "Latency p99", "지연 p99";
    TipLatencyP99 => "99th percentile of the time from publish to successful processing", "발행부터 처리 성공까지 걸린 시간의 99번째 백분위수";
    ComponentColumn => "Component", "구성 요소";
    TraceHashTitle => "Hash of every trace record so far: the same scenario, seed and commands give the same hash",
        "지금까지 모든 trace 기록의 해시: 시나리오, seed, 명령이 같으면 해시도 같습니다";
    TraceHashLabel => "trace ", "trace 해시 ";
    ModelNotesTitle => "What we model", "모델링하는 것";
    ModelPublishers => "Publishers create orders at a steady rate or as a Poisson process, with attributes, a FIFO message group, optional poison orders and client resends; a failed send is retried 3 times with backoff. A direct wire to a consumer is an HTTP-like call: lost if the consumer is down, fails or crashes.",
        "발행자는 일정한 속도나 포아송 과정으로 주문을 만들고, 속성과 FIFO 메세지 그룹, 원하면 poison 주문과 클라이언트 재전송을 붙입니다. 보내기에 실패하면 backoff를 두고 3번 재시도합니다. 컨슈머에 바로 연결하면 HTTP 같은 호출이라, 컨슈머가 죽어 있거나 실패하거나 멈추면 유실됩니다.";
    ModelTopics => "SNS topics push to every subscription its filter policy lets through, retrying as AWS documents (managed endpoints: 3 immediate, 2 at 1 s, 10 with backoff, then every 20 s; HTTP: 3 retries 20 s apart), then to the subscription's dead-letter queue or dropped. Standard topics deliver the odd duplicate; FIFO topics keep group order, deduplicate within 5 minutes and accept 3,000 messages/s.",
        "SNS 토픽은 필터 정책이 통과시키는 모든 구독에 Push하고, AWS 문서대로 재시도합니다 (관리형 엔드포인트: 즉시 3번, 1초 뒤 2번, backoff로 10번, 그다음 20초마다; HTTP: 20초 간격으로 3번). 그래도 안 되면 구독의 dead-letter 큐로 보내거나 버립니다. Standard 토픽은 가끔 중복을 전달하고, FIFO 토픽은 그룹 순서를 지키며 5분 안의 중복을 제거하고 초당 3,000건을 받습니다.";
    ModelQueues => "SQS queues: delay, then visible; a receive hands out up to 10 messages, invisible for the visibility timeout; long polling waits up to 20 s, short polling may come back empty; retention; after maxReceiveCount receives a message moves to the dead-letter queue. Standard: at-least-once and best-effort order. FIFO: group order with one batch of a group in flight, 5-minute deduplication, 300 calls/s per action, more are throttled.",
        "SQS 큐: delay가 지나면 보이게 되고, 한 번 받을 때 최대 10개를 내주며 그 메세지는 visibility timeout 동안 보이지 않습니다. long polling은 최대 20초 기다리고, short polling은 빈손으로 돌아올 수 있습니다. 보존 기간이 있고, maxReceiveCount번 받은 메세지는 dead-letter 큐로 옮겨집니다. Standard: 최소 한 번 전달, 순서는 최선을 다할 뿐. FIFO: 그룹 순서, 그룹마다 한 번에 한 묶음만 이동 중, 5분 중복 제거, 동작마다 초당 300건이고 넘으면 거절됩니다.";
    ModelConsumers => "Consumers: instances × concurrency workers; ack on receive, delete after processing, or auto-delete on success; failure ratio and poison orders; a crash loses what was acknowledged but unfinished, the rest comes back after the visibility timeout.",
        "컨슈머: 인스턴스 × 동시 처리 수만큼의 작업자. 받자마자 ack, 처리 뒤 삭제, 또는 성공하면 자동 삭제. 실패 비율과 poison 주문. 죽으면 ack했지만 끝내지 못한 것은 유실되고, 나머지는 visibility timeout 뒤에 다시 나타납니다.";
    ModelFaults => "Faults: kill, revive and slow consumers; partition, delay and loss on any wire; live or from the fault script.",
        "장애: 컨슈머 죽이기, 살리기, 느리게 하기. 어느 연결에나 끊기, 지연, 손실. 실시간으로 또는 장애 스크립트로.";
    ModelSimplified => "Simplified: a receive's request latency is folded into its response hop; short polling's false empties are approximated (a queue with n ≤ 10 visible messages answers empty one time in n + 2); throughput limits use one-second windows; messages have no payload or size; no visibility-timeout changes by consumers, no high-throughput FIFO mode, no IAM, KMS or cross-region behaviour.",
        "단순화한 것: 수신 요청의 지연은 응답 구간에 합쳤습니다. short polling이 잘못 빈 응답을 주는 것은 근사합니다 (보이는 메세지가 n ≤ 10개인 큐는 n + 2번에 한 번 빈 응답). 처리량 한도는 1초 단위로 셉니다. 메세지에는 내용도 크기도 없습니다. 컨슈머가 visibility timeout을 바꾸는 것, 고처리량 FIFO 모드, IAM, KMS, 리전 간 동작은 다루지 않습니다.";

    // The invariants above the metrics.
    Invariants => "Invariants", "불변 조건";
    InvariantLost => "Orders lost", "유실된 주문";
    InvariantTwice => "Orders processed more than once", "두 번 이상 처리된 주문";
    InvariantTwiceTip => "Orders a consumer processed again (at-least-once delivery)", "컨슈머가 다시 처리한 주문 (최소 한 번 전달)";
    InvariantFifo => "Out of order within a FIFO group", "FIFO 그룹 안에서 순서 어긋남";
    InvariantFifoTip => "Orders processed before an earlier order of the same FIFO message group", "같은 FIFO 메세지 그룹의 앞선 주문보다 먼저 처리된 주문";
    InvariantConservation => "Every copy accounted for", "모든 사본의 행방 확인";
    InvariantConservationTip => "Published = delivered + queued + in flight + dead-lettered + expired + lost + filtered",
        "발행 = 전달 + 큐에 있음 + 이동 중 + DLQ로 이동 + 만료 + 유실 + 필터링됨";
    ShowOrderStory => "Show this order's whole story", "이 주문이 겪은 일을 모두 봅니다";
    OrderLink => "order {n}", "주문 {n}";

    // The event log and the message inspector.
    EventLog => "Event log", "이벤트 로그";
    EventLogEmpty => "Nothing has happened yet. Press play or step.", "아직 아무 일도 없었습니다. 재생이나 한 단계를 누르세요.";
    MessageInspector => "Message inspector", "메세지 살펴보기";
    OrderNothingYet => "Nothing is recorded about this order yet.", "이 주문에 대해 아직 기록된 것이 없습니다.";
    OrderStepsGap => "Steps went by too fast to follow: pause to see them all.", "단계가 너무 빨리 지나가 따라가지 못했습니다. 일시 정지하면 모두 보입니다.";
    OrderTitle => "Order {n}", "주문 {n}";
    NoMessagesHere => "No messages here right now.", "지금 여기에는 메세지가 없습니다.";
    MessagesAt => "Messages at {name}", "{name}의 메세지";
    BackToList => "Back to the list", "목록으로 돌아가기";
    Close => "Close", "닫기";

    // The fault script: the form's actions, its problems, the list.
    FaultScript => "Fault script", "장애 스크립트";
    FaultScriptTab => "Fault script ({n})", "장애 스크립트 ({n})";
    ActionSlow => "Slow down ×", "느리게 ×";
    ActionDelay => "Add delay (ms)", "지연 더하기 (ms)";
    ActionLoss => "Loss ratio (0–1)", "손실 비율 (0–1)";
    ActionKillZone => "Kill zone", "zone 죽이기";
    ActionCordon => "Cordon node", "노드 배치 중지 (cordon)";
    ActionUncordon => "Uncordon node", "노드 배치 재개 (uncordon)";
    ActionDrain => "Drain node", "노드 비우기 (drain)";
    ActionKillPod => "Kill a pod of", "Pod 하나 죽이기";
    ActionScale => "Scale to", "replica 수 조정";
    ActionCrashLoop => "Crash-loop", "crash loop 일으키기";
    ActionKillEtcd => "Kill etcd member #", "etcd 멤버 죽이기 #";
    ActionReviveEtcd => "Revive etcd member #", "etcd 멤버 살리기 #";
    ActionKillScheduler => "Kill kube-scheduler", "kube-scheduler 죽이기";
    ActionReviveScheduler => "Revive kube-scheduler", "kube-scheduler 살리기";
    PickAWire => "Pick a wire", "연결을 고르세요";
    NothingTakesFault => "Nothing on the canvas can take this fault yet", "캔버스에 아직 이 장애를 받을 수 있는 것이 없습니다";
    SlowFactorProblem => "A slow-down factor is a number such as 5", "느리게 하는 배수는 5 같은 숫자입니다";
    ReplicaCountProblem => "A replica count is a whole number such as 3", "replica 수는 3 같은 정수입니다";
    EtcdMemberProblem => "An etcd member is numbered from 0", "etcd 멤버 번호는 0부터 셉니다";
    DelayProblem => "An added delay is a number of milliseconds", "더하는 지연은 밀리초 단위의 숫자입니다";
    LossProblem => "A loss ratio is a number from 0 to 1", "손실 비율은 0에서 1 사이의 숫자입니다";
    TimeProblem => "Give the time in seconds, e.g. 20", "시간을 초 단위로 입력하세요 (예: 20)";
    Remove => "Remove", "삭제";
    RemoveFromScript => "Remove from the script", "스크립트에서 삭제합니다";
    NoScheduledFaults => "No scheduled faults. Add one below, or apply a fault live and press “Add to script”.",
        "예약된 장애가 없습니다. 아래에서 추가하거나, 장애를 실시간으로 일으킨 뒤 “스크립트에 추가”를 누르세요.";
    FaultAtTitle => "Sim time, in seconds from the start", "시작부터 잰 시뮬레이션 시간 (초)";
    FaultAt => "at ", "시각 ";
    Action => "Action", "동작";
    Target => "Target", "대상";
    Amount => "Amount", "값";
    Add => "Add", "추가";

    // Faults in words, as the script, the timeline and the log say them.
    WordsKill => "kill {name}", "{name} 죽이기";
    WordsRevive => "revive {name}", "{name} 살리기";
    WordsSlow => "slow {name} ×{factor}", "{name} 느리게 ×{factor}";
    WordsPartition => "partition {wire}", "{wire} 끊기";
    WordsHeal => "heal {wire}", "{wire} 복구";
    WordsDelay => "delay {wire} +{ms} ms", "{wire} 지연 +{ms} ms";
    WordsLoss => "loss {wire} {percent} %", "{wire} 손실 {percent} %";
    WordsKillZone => "kill zone {zone}", "{zone}의 노드 모두 죽이기";
    WordsReviveZone => "revive zone {zone}", "{zone}의 노드 모두 살리기";
    WordsKillPod => "kill a pod of {name}", "{name}의 Pod 하나 죽이기";
    WordsCrashLoop => "crash-loop {name}", "{name} crash loop 일으키기";
    WordsHealCrashLoop => "heal {name}", "{name} crash loop 고치기";
    WordsCordon => "cordon {name}", "{name} 배치 중지 (cordon)";
    WordsUncordon => "uncordon {name}", "{name} 배치 재개 (uncordon)";
    WordsDrain => "drain {name}", "{name} 비우기 (drain)";
    WordsScale => "scale {name} to {replicas}", "{name} replica {replicas}개로 조정";
    WordsKillEtcd => "kill etcd member {m}", "etcd 멤버 {m} 죽이기";
    WordsReviveEtcd => "revive etcd member {m}", "etcd 멤버 {m} 살리기";
    WordsKillScheduler => "kill kube-scheduler", "kube-scheduler 죽이기";
    WordsReviveScheduler => "revive kube-scheduler", "kube-scheduler 살리기";
    WordsKillControllerManager => "kill kube-controller-manager", "kube-controller-manager 죽이기";
    WordsReviveControllerManager => "revive kube-controller-manager", "kube-controller-manager 살리기";

    // The playback host: notes, the stage's legend, the placement card.
    NoteReset => "scenario changed — reset", "시나리오가 바뀌어 처음으로 되돌림";
    NoteScriptReset => "fault script changed — reset", "장애 스크립트가 바뀌어 처음으로 되돌림";
    NothingSelected => "Select a publisher, consumer, wire or cluster part to make it fail", "장애를 일으킬 발행자, 컨슈머, 연결 또는 클러스터 구성 요소를 선택하세요";
    DotLegend => "What the dot colours mean", "점 색깔의 뜻";
    WireDirect => "direct call", "직접 호출";
    WirePush => "topic push", "토픽 Push";
    WireEnqueue => "into a queue", "큐에 넣기";
    WireReceive => "received from a queue", "큐에서 받음";
    LegendLostOnNetwork => "lost on the network", "네트워크에서 유실";
    PlacementPanel => "Why here / why pending", "왜 여기에 / 왜 대기 중";
    WhyHere => "Why here · {pod}", "왜 여기에 · {pod}";
    WhyPending => "Why pending · {pod}", "왜 대기 중 · {pod}";
    BoundTo => "Bound to {node}. Each node as the scheduler ({strategy}) would judge it now, without this pod:",
        "{node}에 배치됨. 이 Pod가 없다고 치고 스케줄러({strategy})가 지금 각 노드를 판단한 결과:";
    PendingBecause => "Pending: {reason}", "대기 중 (Pending): {reason}";
    PendingForScheduler => "Pending: waiting for the scheduler.", "대기 중 (Pending): 스케줄러를 기다리고 있습니다.";
    VerdictFit => "fit", "적합";
    VerdictUnschedulable => "unschedulable", "배치 불가";
    VerdictTaint => "taint", "taint 불허";
    VerdictAffinity => "affinity", "affinity 불일치";
    VerdictCpu => "insufficient cpu", "CPU 부족";
    VerdictMemory => "insufficient memory", "메모리 부족";
    VerdictTooManyPods => "too many pods", "Pod 수 초과";
    FilterCordon => "cordon", "배치 중지";
    FilterTaints => "taints", "taint";
    FilterAffinity => "affinity", "노드 affinity";
    FilterResources => "resources", "리소스";
    NodeColumn => "node", "노드";
    ScoreColumn => "score", "점수";
    ScoreTitle => "0–100; the highest wins, ties by the seeded RNG", "0–100. 가장 높은 점수가 이기고, 동점이면 seed를 쓴 난수로 정합니다";

    // The scenario gallery.
    Gallery => "Gallery", "갤러리";
    GalleryButtonTitle => "Every preset scenario with its diagram, what it shows and its lesson", "모든 프리셋 시나리오: 다이어그램, 보여 주는 것, 레슨 단계";
    GalleryTitle => "Scenario gallery", "시나리오 갤러리";
    GalleryIntro => "Each scenario is a lesson from the meetup notes. Open one, press Play, then break something.", "각 시나리오는 밋업 노트의 한 가지 레슨입니다. 하나를 열고 재생한 다음, 무언가를 망가뜨려 보세요.";
    GalleryCloseTitle => "Close the gallery (Escape)", "갤러리 닫기 (Esc)";
    GalleryMessaging => "Messaging: SNS and SQS", "메시징: SNS와 SQS";
    GalleryKubernetes => "Kubernetes: failover and placement", "쿠버네티스: 페일오버와 배치";
    GalleryOpenTitle => "Open this scenario (Undo brings back what was on the canvas)", "이 시나리오를 엽니다 (실행 취소하면 이전 캔버스로 돌아갑니다)";
    GalleryLessonSteps => "Lesson: {n} steps", "레슨: {n}단계";
    GalleryAtStart => "Show the gallery when the canvas is empty at start", "시작할 때 캔버스가 비어 있으면 갤러리 보이기";
    GalleryAtStartTitle => "Unticked, Fanout opens straight on an empty canvas", "체크를 해제하면 빈 캔버스로 바로 시작합니다";

    // Narration for screen readers (an ARIA live region).
    NarrationLabel => "What just happened", "방금 일어난 일";
    NarrateDown => "{name} is down.", "{name}: 죽었습니다.";
    NarrateDownWithBacklog => "{name} is down; {waiting}.", "{name}: 죽었습니다. {waiting}.";
    NarrateWaitingIn => "{n} orders waiting in {queue}", "{queue}에서 주문 {n}건 대기 중";
    NarrateBack => "{name} is back.", "{name}: 다시 살아났습니다.";
    NarrateBacklog => "{queue} is piling up: {n} orders waiting.", "{queue}에 주문이 쌓이고 있습니다: {n}건 대기 중.";
    NarrateDrained => "{queue} has drained.", "{queue}: 모두 비워졌습니다.";
    NarrateNodeDied => "Node {node} died.", "노드 {node}: 죽었습니다.";
    NarrateNodeNotReady => "Node {node} is NotReady; its {pods} pods will be evicted after their toleration.", "노드 {node}: NotReady가 되었습니다. Pod {pods}개는 toleration 시간이 지나면 축출됩니다.";
    NarrateApiDown => "The API server is unavailable: etcd lost its quorum.", "API 서버를 쓸 수 없습니다: etcd가 과반수를 잃었습니다.";
    NarrateApiBack => "The API server is back.", "API 서버가 돌아왔습니다.";
    NarrateLosing => "Orders are being lost: {n} so far.", "주문이 유실되고 있습니다: 지금까지 {n}건.";

    // Pan and zoom.
    ZoomGroup => "Zoom", "확대/축소";
    ZoomInTitle => "Zoom in (+; or the wheel over the canvas)", "확대 (+, 또는 캔버스 위에서 휠)";
    ZoomOutTitle => "Zoom out (−)", "축소 (−)";
    ZoomActualTitle => "Back to 100 % (0). Drag empty space to pan; pinch on a touch screen.", "100 %로 돌아가기 (0). 빈 곳을 드래그하면 이동하고, 터치 화면에서는 두 손가락으로 확대합니다.";
    ZoomFit => "Fit", "맞춤";
    ZoomFitTitle => "Show the whole diagram (F)", "다이어그램 전체 보기 (F)";

    // The keyboard shortcuts overlay.
    KeysButtonTitle => "Keyboard shortcuts (?)", "키보드 단축키 (?)";
    KeysTitle => "Keyboard shortcuts", "키보드 단축키";
    KeysTab => "Go from box to box on the canvas (the box reached is selected); the inspector's Wires wire it to others", "캔버스의 상자를 차례로 이동 (도착한 상자가 선택됨). 인스펙터의 '연결'에서 다른 상자와 연결합니다";
    KeysArrows => "Move the selected box (with Shift: one grid cell)", "선택한 상자 옮기기 (Shift와 함께: 격자 한 칸)";
    KeysEnter => "Edit the selected box's settings in the inspector", "선택한 상자의 설정을 인스펙터에서 편집";
    KeysDelete => "Delete the selected box or wire", "선택한 상자나 연결선 삭제";
    KeysEscape => "Deselect; close a dialog", "선택 해제, 대화 상자 닫기";
    KeysUndo => "Undo", "실행 취소";
    KeysRedo => "Redo", "다시 실행";
    KeysSpace => "Play or pause", "재생 또는 일시 정지";
    KeysKillRevive => "Kill or revive the selected component", "선택한 구성 요소 죽이기 또는 살리기";
    KeysZoom => "Zoom in, zoom out, back to 100 %", "확대, 축소, 100 %로";
    KeysFit => "Fit the whole diagram in view", "다이어그램 전체를 화면에 맞추기";
    KeysLesson => "Next or previous lesson step (as slide clickers send)", "레슨의 다음 또는 이전 단계 (프레젠테이션 리모컨처럼)";
    KeysHelp => "Show this list", "이 목록 보기";

    // The inspector's wires of a box (wiring without a mouse).
    GroupWires => "Wires", "연결";
    NoWiresYet => "No wires yet.", "아직 연결이 없습니다.";
    WireChoose => "Choose a box…", "상자 선택…";
    WireToLabel => "Wire to", "보낼 곳 연결";
    WireToHelp => "Draws a wire from this box to the one you choose (only boxes this one may feed are listed)", "이 상자에서 고른 상자로 연결선을 그립니다 (이 상자가 보낼 수 있는 상자만 나옵니다)";
    WireFromLabel => "Wire from", "받을 곳 연결";
    WireFromHelp => "Draws a wire from the box you choose into this one (only boxes that may feed this one are listed)", "고른 상자에서 이 상자로 연결선을 그립니다 (이 상자로 보낼 수 있는 상자만 나옵니다)";
    WireLinkTitle => "Select this wire: its settings, and Delete removes it", "이 연결선 선택: 설정을 보고, Delete로 지웁니다";

    // Wires the connection rules refuse (the engine's WireRefusal, said here).
    WireToItself => "A component cannot be wired to itself.", "구성 요소를 자기 자신에 연결할 수 없습니다.";
    WireAlreadyWired => "These two are already wired.", "이 둘은 이미 연결되어 있습니다.";
    WireIntoPublisher => "A publisher is where orders start: nothing can deliver to it.", "발행자는 주문이 시작되는 곳이라, 무엇도 발행자에게 보낼 수 없습니다.";
    WireFromConsumer => "A consumer only receives: it has no output to wire.", "컨슈머는 받기만 하므로 내보낼 연결이 없습니다.";
    WireQueueToTopic => "A queue cannot push to a topic: SNS delivers into SQS, not the other way.", "큐는 토픽으로 보낼 수 없습니다: SNS가 SQS로 전달하지, 그 반대는 아닙니다.";
    WireQueueToQueue => "A queue does not forward to another queue.", "큐는 다른 큐로 전달하지 않습니다.";
    WireTopicToTopic => "A topic cannot subscribe to another topic.", "토픽은 다른 토픽을 구독할 수 없습니다.";
    WireQueuePushes => "A queue does not push: its consumers poll it. Run the consumer on a deployment (runs_on) instead.", "큐는 밀어 보내지 않고 컨슈머가 가져갑니다. 대신 컨슈머를 Deployment에서 실행하세요 (runs_on).";
    WireFromCluster => "A {kind} is part of the cluster: it sends no messages. Wire a publisher or topic to a service instead.", "{kind}: 클러스터의 일부라 메시지를 보내지 않습니다. 대신 발행자나 토픽을 서비스에 연결하세요.";
    WireIntoCluster => "Messages cannot be wired to a {kind}: wire to a service, or run a consumer on a deployment (runs_on).", "{kind}(으)로는 메시지를 연결할 수 없습니다: 서비스에 연결하거나, 컨슈머를 Deployment에서 실행하세요 (runs_on).";
    WireFifoTopicToStandardQueue => "A FIFO topic delivers only to FIFO queues.", "FIFO 토픽은 FIFO 큐로만 전달합니다.";
    WireStandardQueueFromFifoTopic => "A FIFO queue can subscribe only to a FIFO topic.", "FIFO 큐는 FIFO 토픽만 구독할 수 있습니다.";
    WireFifoTopicToConsumer => "A FIFO topic delivers only to FIFO queues, not straight to a consumer.", "FIFO 토픽은 FIFO 큐로만 전달하며, 컨슈머로 바로 보내지 않습니다.";
    WireFifoTopicToServiceOrIngress => "A FIFO topic delivers only to FIFO queues, not to a service or an ingress.", "FIFO 토픽은 FIFO 큐로만 전달하며, 서비스나 Ingress로는 보내지 않습니다.";

    // A lesson step's check, in words: "lost at Shipping ≥ 15".
    CheckOf => "{metric} at {of} {op} {value}", "{of}: {metric} {op} {value}";
    CheckAll => "{metric} {op} {value}", same;
    CheckPublished => "published", "발행";
    CheckDelivered => "delivered", "전달";
    CheckLost => "lost", "유실";
    CheckDuplicates => "duplicates", "중복";
    CheckDeadLettered => "dead-lettered", "DLQ로 이동";
    CheckInQueue => "in queue", "큐에 있음";
    CheckInFlight => "in flight", "이동 중";
    CheckExpired => "expired", "만료";
    CheckThrottled => "throttled", "요청 거절";
    CheckOutOfOrder => "out of order", "순서 어긋남";
    CheckDeduplicated => "deduplicated", "중복 제거";
    CheckFiltered => "filtered", "필터링됨";
    CheckPodsPending => "pods Pending", "Pending인 Pod";
    CheckPodsRunning => "pods Running", "Running인 Pod";
    CheckPodsReady => "pods Ready", "Ready인 Pod";
    CheckNodesReady => "nodes Ready", "Ready인 노드";
    CheckNodesNotReady => "nodes NotReady", "NotReady인 노드";
    CheckEtcdMembersUp => "etcd members up", "살아 있는 etcd 멤버";
    CheckApiAvailable => "API available", "API 사용 가능";
    CheckRequestsOk => "requests OK", "성공한 요청";
    CheckRequestsFailed => "requests failed", "실패한 요청";
    // The inspector's number settings: labels, units, where defaults come from, help.
    SetMaxReceives => "Max receives", "최대 수신 횟수";
    UnitReceives => "receives", "회";
    SourceSqsConsole => "SQS console", "SQS 콘솔";
    HelpMaxReceiveCount => "maxReceiveCount: a message received this many times without being deleted moves to the dead-letter queue instead of being delivered again (1 – 1,000).",
        "maxReceiveCount: 삭제되지 않은 채 이만큼 받은 메세지는 다시 전달되지 않고 dead-letter 큐로 옮겨집니다 (1 – 1,000).";
    HelpPublisherRatePerS => "How many orders this publisher creates per second. Each one is sent down every outgoing wire.", "이 발행자가 1초에 만드는 주문 수. 주문마다 나가는 모든 연결로 보냅니다.";
    SetRate => "Rate", "속도";
    UnitMsgPerS => "msg/s", same;
    HelpPublisherMessageDelayMs => "SQS DelaySeconds on send: a queue keeps each new order invisible this long before a consumer can receive it (0 – 900 s). Adds to the queue's own delay setting.", "보낼 때의 SQS DelaySeconds: 큐는 새 주문을 이 시간 동안 보이지 않게 두고, 그 뒤에야 컨슈머가 받을 수 있습니다 (0 – 900 s). 큐 자체의 지연 설정에 더해집니다.";
    SetMessageDelay => "Message delay", "메세지 지연";
    UnitMs => "ms", same;
    SourceSqs => "SQS", same;
    HelpPublisherPoisonEvery => "Every Nth order is a poison message that no consumer can process: it fails every time, so it is received again and again until a redrive policy moves it to a dead-letter queue. 0 means none.", "N번째 주문마다 어떤 컨슈머도 처리할 수 없는 poison 메세지가 됩니다. 매번 실패하므로 redrive 정책이 dead-letter 큐로 옮길 때까지 계속 다시 받습니다. 0이면 없습니다.";
    SetPoisonMessageEvery => "Poison message every", "poison 메세지 간격";
    UnitOrders => "orders", "주문";
    SourceNone => "none", "없음";
    HelpPublisherResendRatio => "The fraction of orders the publisher sends twice, as a client retrying after a timeout would. A FIFO queue or topic drops the second copy within its 5-minute deduplication window; a Standard one delivers both.", "발행자가 두 번 보내는 주문의 비율 (타임아웃 뒤 재시도하는 클라이언트처럼). FIFO 큐나 토픽은 5분 중복 제거 창 안에서 두 번째 사본을 버리고, Standard는 둘 다 전달합니다.";
    SetResendRatio => "Resend ratio", "재전송 비율";
    UnitRatio => "0–1", same;
    HelpTopicHttpRetries => "How often the topic retries a push to a consumer that did not answer (is down), after the first attempt. After the last retry the message goes to the subscription's dead-letter queue, or is dropped and counted as lost.", "응답하지 않는 (죽어 있는) 컨슈머로의 Push를 첫 시도 뒤에 몇 번 재시도할지. 마지막 재시도 뒤에는 구독의 dead-letter 큐로 가거나, 버려져 유실로 셉니다.";
    SetHttpRetries => "HTTP retries", "HTTP 재시도";
    UnitRetries => "retries", "회";
    SourceSnsHttpPolicy => "SNS HTTP policy", "SNS HTTP 정책";
    HelpTopicHttpRetryDelayMs => "Wait between HTTP retries (linear). SNS caps the whole policy at 1 h: retries × delay ≤ 3,600 s.", "HTTP 재시도 사이의 대기 시간 (일정한 간격). SNS는 정책 전체를 1시간으로 제한합니다: 재시도 × 간격 ≤ 3,600 s.";
    SetRetryDelay => "Retry delay", "재시도 간격";
    SourceSns => "SNS", same;
    HelpTopicDuplicateDeliveryRatio => "SNS Standard deduplicates on a best-effort basis only: this fraction of deliveries to a subscription arrive twice.", "SNS Standard의 중복 제거는 최선을 다할 뿐입니다: 구독으로의 전달 중 이 비율이 두 번 도착합니다.";
    SetDuplicateDeliveries => "Duplicate deliveries", "중복 전달";
    HelpQueueVisibilityTimeoutMs => "How long a received message stays hidden from other consumers. If it is not deleted in time (the consumer crashed or is slow), it becomes visible again and is delivered again. SQS allows 0 s to 12 h.", "받은 메세지가 다른 컨슈머에게 보이지 않는 시간. 그 안에 삭제되지 않으면 (컨슈머가 죽었거나 느리면) 다시 보이게 되어 또 전달됩니다. SQS는 0초부터 12시간까지 허용합니다.";
    SetVisibilityTimeout => "Visibility timeout", same;
    HelpQueueDelayMs => "A new message stays invisible this long before any consumer can receive it (0 – 900 s).", "새 메세지는 이 시간 동안 보이지 않고, 그 뒤에야 컨슈머가 받을 수 있습니다 (0 – 900 s).";
    SetDeliveryDelay => "Delivery delay", "전달 지연";
    HelpQueueReceiveWaitMs => "0 is short polling, the SQS default: a receive returns at once and may come back empty even while messages wait (it asks only some servers), so consumers poll again after their poll interval. 1 – 20 s is long polling: a receive waits until a message arrives or the time is up.", "0은 SQS 기본값인 short polling입니다: 수신이 바로 돌아오고, 메세지가 기다리는 중에도 빈손일 수 있어서 (일부 서버에만 묻기 때문) 컨슈머는 poll 간격 뒤에 다시 묻습니다. 1 – 20 s는 long polling: 메세지가 오거나 시간이 다 될 때까지 기다립니다.";
    SetReceiveWait => "Receive wait", "수신 대기";
    SourceSqsShortPolling => "SQS short polling", same;
    HelpQueueRetentionMs => "How long a message is kept, received or not. Older messages are dropped and counted as expired. SQS allows 60 s to 14 days.", "받았든 안 받았든 메세지를 보관하는 시간. 더 오래된 메세지는 버려지고 만료로 셉니다. SQS는 60초부터 14일까지 허용합니다.";
    SetRetention => "Retention", "보존 기간";
    HelpQueueDuplicateDeliveryRatio => "SQS Standard is at-least-once: now and then a receive hands out a copy of a message that another receive also gets. This is the fraction of receives that do.", "SQS Standard는 최소 한 번 전달입니다: 가끔 어떤 수신이 다른 수신도 받는 메세지의 사본을 내줍니다. 그런 수신의 비율입니다.";
    HelpQueueReorderRatio => "SQS Standard keeps best-effort order: this fraction of receives take a later message before an earlier one.", "SQS Standard의 순서는 최선을 다할 뿐입니다: 수신 중 이 비율이 앞선 메세지보다 나중 메세지를 먼저 가져갑니다.";
    SetOutOfOrderReceives => "Out-of-order receives", "순서 어긋난 수신";
    HelpConsumerProcessingTimeMs => "How long one message takes to process, before it is deleted from its queue.", "메세지 하나를 처리하는 데 걸리는 시간 (그 뒤에 큐에서 삭제합니다).";
    SetProcessingTime => "Processing time", "처리 시간";
    HelpConsumerConcurrency => "How many receive batches one instance works on at the same time.", "인스턴스 하나가 동시에 처리하는 수신 묶음의 수.";
    SetConcurrency => "Concurrency", "동시 처리";
    UnitPerInstance => "per instance", "인스턴스당";
    HelpConsumerInstances => "Identical copies of this service competing for the same queue (scale-out). Each message goes to one of them.", "같은 큐를 두고 경쟁하는 이 서비스의 똑같은 사본 (scale-out). 메세지마다 그중 하나로 갑니다.";
    SetInstances => "Instances", "인스턴스";
    UnitCopies => "copies", "개";
    HelpConsumerBatchSize => "Messages asked for per receive call; SQS hands out at most 10. On a FIFO queue, batches of 10 reach 3,000 msg/s within its 300 calls/s.", "수신 호출 한 번에 요청하는 메세지 수. SQS는 최대 10개를 내줍니다. FIFO 큐에서는 10개씩 묶으면 초당 호출 300건 안에서 초당 3,000건에 이릅니다.";
    SetBatchSize => "Batch size", "묶음 크기";
    UnitMessages => "messages", "개";
    HelpConsumerFailureRatio => "The fraction of messages whose processing fails (poison messages always fail). What happens next depends on the acknowledgement mode.", "처리에 실패하는 메세지의 비율 (poison 메세지는 항상 실패합니다). 그다음 일은 ack 방식에 따라 다릅니다.";
    SetFailureRatio => "Failure ratio", "실패 비율";
    HelpConsumerPollIntervalMs => "After a receive comes back empty (short polling), how long the consumer waits before asking again.", "수신이 빈손으로 돌아온 뒤 (short polling) 컨슈머가 다시 묻기 전에 기다리는 시간.";
    SetPollInterval => "Poll interval", "poll 간격";
    HelpCpuMillicores => "What the pods' CPU requests on this node may add up to (1 CPU = 1,000 millicores; 500m or 2 cpu work too). The scheduler compares requests with this, not live usage (NodeResourcesFit).", "이 노드에 있는 Pod들의 CPU 요청 합계의 한도 (1 CPU = 1,000 밀리코어, 500m이나 2 cpu도 됩니다). 스케줄러는 실제 사용량이 아니라 요청을 이 값과 비교합니다 (NodeResourcesFit).";
    SetCpuAllocatable => "CPU allocatable", "할당 가능 CPU";
    UnitMillicores => "millicores", "밀리코어";
    SourceVmSize => "Fanout's VM size", "Fanout의 VM 크기";
    HelpMemoryMib => "What the pods' memory requests on this node may add up to, in MiB (8 Gi works too). A pod whose request does not fit stays Pending.", "이 노드에 있는 Pod들의 메모리 요청 합계의 한도, MiB 단위 (8 Gi도 됩니다). 요청이 들어가지 않는 Pod는 Pending으로 남습니다.";
    SetMemoryAllocatable => "Memory allocatable", "할당 가능 메모리";
    UnitMib => "MiB", same;
    HelpMaxPods => "The most pods the kubelet runs on this node, whatever their requests (Kubernetes' default is 110).", "요청과 관계없이 kubelet이 이 노드에서 실행하는 Pod의 최대 수 (쿠버네티스 기본값은 110).";
    SetMaxPods => "Max pods", "최대 Pod 수";
    UnitPods => "pods", "Pod";
    SourceMaxPods => "kubelet --max-pods", same;
    HelpReplicas => "How many pods the deployment's ReplicaSet keeps. A pod that dies or is evicted is replaced; one that fits on no node stays Pending.", "Deployment의 ReplicaSet이 유지하는 Pod 수. 죽거나 축출된 Pod는 새로 만들고, 들어갈 노드가 없는 Pod는 Pending으로 남습니다.";
    SetReplicas => "Replicas", "replica 수";
    SourceFanoutKubernetesOne => "Fanout (Kubernetes: 1)", same;
    HelpMaxSurgePercent => "maxSurge: how many pods a rolling update may create above the replica count, as a percentage of it, rounded up.", "maxSurge: rolling update 중 replica 수보다 더 만들 수 있는 Pod 수, replica 수에 대한 비율 (올림).";
    SetMaxSurge => "Max surge", "최대 초과 (max surge)";
    UnitPercentOfReplicas => "% of replicas", "replica 수의 %";
    SourceKubernetes => "Kubernetes", same;
    HelpMaxUnavailablePercent => "maxUnavailable: how many pods a rolling update may take below the replica count, as a percentage of it, rounded down. If both come out as 0 pods, one pod may be unavailable.", "maxUnavailable: rolling update 중 replica 수보다 모자라도 되는 Pod 수, replica 수에 대한 비율 (내림). 둘 다 0개가 되면 Pod 하나는 사용할 수 없어도 됩니다.";
    SetMaxUnavailable => "Max unavailable", "최대 부족 (max unavailable)";
    HelpCpuRequestMillicores => "What the scheduler reserves on a node for each pod (requests.cpu; 250m or 0.25 cpu). A node takes pods while their requests fit its allocatable CPU, however busy they really are.", "스케줄러가 Pod마다 노드에 예약하는 양 (requests.cpu, 250m 또는 0.25 cpu). 노드는 Pod가 실제로 얼마나 바쁜지와 관계없이, 요청이 할당 가능 CPU 안에 들어가는 한 Pod를 받습니다.";
    SetCpuRequest => "CPU request", "CPU 요청";
    SourceFanout => "Fanout", same;
    HelpMemoryRequestMib => "What the scheduler reserves on a node for each pod (requests.memory, in MiB; 1 Gi works too).", "스케줄러가 Pod마다 노드에 예약하는 양 (requests.memory, MiB 단위, 1 Gi도 됩니다).";
    SetMemoryRequest => "Memory request", "메모리 요청";
    HelpContainerStartMs => "Image pull plus container start: from the pod being bound to a node until its container runs.", "이미지 pull과 컨테이너 시작: Pod가 노드에 배치된 때부터 컨테이너가 실행될 때까지.";
    SetContainerStart => "Container start", "컨테이너 시작";
    HelpTerminationGracePeriodMs => "How long a deleted pod stays Terminating before it is killed. The modelled application ignores SIGTERM, so it takes the whole period.", "삭제된 Pod가 강제로 죽기 전까지 Terminating으로 있는 시간. 모델의 애플리케이션은 SIGTERM을 무시하므로 기간 전체가 걸립니다.";
    SetTerminationGracePeriod => "Termination grace period", "종료 유예 기간";
    SourceGracePeriodSeconds => "terminationGracePeriodSeconds", same;
    HelpNodeFailureTolerationMs => "How long a pod stays bound to a node that is NotReady or unreachable before it is evicted and replaced: the not-ready and unreachable tolerations Kubernetes adds to every pod. With the 50 s grace period, a dead node's pods move after about 6 minutes.", "NotReady이거나 연결할 수 없는 노드에 Pod가 남아 있다가 축출되어 대체되기까지의 시간: 쿠버네티스가 모든 Pod에 붙이는 not-ready, unreachable toleration입니다. 50초 유예 기간과 합쳐, 죽은 노드의 Pod는 약 6분 뒤에 옮겨집니다.";
    SetEvictionToleration => "Eviction toleration", "축출 toleration";
    SourceTolerationSeconds => "DefaultTolerationSeconds", same;
    HelpLivenessProbeInitialDelayMs => "initialDelaySeconds: how long after the container starts the first probe runs.", "initialDelaySeconds: 컨테이너가 시작하고 첫 probe까지의 시간.";
    SetInitialDelay => "Initial delay", "초기 지연";
    HelpProbePeriodMs => "periodSeconds: how often the kubelet probes the container.", "periodSeconds: kubelet이 컨테이너를 probe하는 주기.";
    SetPeriod => "Period", "주기";
    HelpProbeTimeoutMs => "timeoutSeconds: a probe with no answer within this time fails. It must be shorter than the period.", "timeoutSeconds: 이 시간 안에 답이 없는 probe는 실패입니다. 주기보다 짧아야 합니다.";
    SetTimeout => "Timeout", "제한 시간";
    HelpLivenessProbeFailureThreshold => "failureThreshold: consecutive failed probes before the kubelet restarts the container (10 s × 3 ≈ 30 s).", "failureThreshold: kubelet이 컨테이너를 재시작하기까지 연속으로 실패해야 하는 probe 수 (10 s × 3 ≈ 30 s).";
    SetFailureThreshold => "Failure threshold", "실패 기준";
    UnitProbes => "probes", "회";
    HelpReadinessProbeInitialDelayMs => "initialDelaySeconds: how long after the container starts the first probe runs; until it passes, the pod is not Ready.", "initialDelaySeconds: 컨테이너가 시작하고 첫 probe까지의 시간. 통과하기 전까지 Pod는 Ready가 아닙니다.";
    HelpReadinessProbeFailureThreshold => "failureThreshold: consecutive failed probes before the pod counts as not Ready and leaves its Services' endpoints (and consumers running on it lose that instance).", "failureThreshold: Pod가 Ready가 아닌 것으로 바뀌어 서비스의 엔드포인트에서 빠지기까지 (그 위의 컨슈머도 그 인스턴스를 잃습니다) 연속으로 실패해야 하는 probe 수.";
    HelpReadinessProbeSuccessThreshold => "successThreshold: consecutive passing probes before a not-Ready pod is Ready again.", "successThreshold: Ready가 아닌 Pod가 다시 Ready가 되기까지 연속으로 통과해야 하는 probe 수.";
    SetSuccessThreshold => "Success threshold", "성공 기준";
    HelpCrashAfterMs => "How long the crash-looping container runs before it exits again.", "crash loop 중인 컨테이너가 다시 종료하기 전까지 실행되는 시간.";
    SetCrashAfter => "Crash after", "죽기까지";
    HelpPort => "The port the Service listens on, inside the cluster.", "클러스터 안에서 서비스가 듣는 포트.";
    SetPort => "Port", "포트";
    UnitTcpPort => "TCP port", "TCP 포트";
    HelpEtcdMembers => "How many etcd members store the cluster's state (1 to 7). The API works while a quorum of ⌊n/2⌋+1 is up: 3 members survive 1 loss, 5 survive 2. Without quorum, running pods keep serving but nothing is scheduled, evicted or replaced.", "클러스터 상태를 저장하는 etcd 멤버 수 (1 – 7). ⌊n/2⌋+1의 과반수가 살아 있는 동안 API가 동작합니다: 멤버 3개는 1개를, 5개는 2개를 잃어도 견딥니다. 과반수가 없으면 실행 중인 Pod는 계속 응답하지만, 배치도 축출도 대체도 일어나지 않습니다.";
    SetEtcdMembers => "etcd members", "etcd 멤버";
    UnitMembers => "members", "멤버";
    SourceHaControlPlane => "an HA control plane", "HA 컨트롤 플레인";
    HelpEtcdHeartbeatMs => "How often the etcd leader tells its followers it is alive.", "etcd 리더가 팔로워들에게 살아 있다고 알리는 주기.";
    SetHeartbeatInterval => "Heartbeat interval", "heartbeat 간격";
    SourceEtcdHeartbeat => "etcd --heartbeat-interval", same;
    HelpEtcdElectionTimeoutMs => "How long etcd is without a leader after its leader dies or quorum returns, before a new one is elected. The API waits for it.", "리더가 죽거나 과반수가 돌아온 뒤 새 리더가 선출되기까지 etcd에 리더가 없는 시간. API는 그동안 기다립니다.";
    SetElectionTimeout => "Election timeout", "선출 제한 시간";
    SourceEtcdElection => "etcd --election-timeout", same;
    HelpSchedulerReplicas => "Copies of kube-scheduler; one leads (leader election) and the others wait to take over when it dies.", "kube-scheduler의 사본 수. 하나가 리더가 되고 (리더 선출) 나머지는 리더가 죽으면 이어받으려고 기다립니다.";
    SetKubeSchedulerReplicas => "kube-scheduler replicas", "kube-scheduler replica 수";
    UnitReplicas => "replicas", "replica";
    HelpControllerManagerReplicas => "Copies of kube-controller-manager (node lifecycle, ReplicaSet, Deployment and endpoints controllers); one leads, the others stand by.", "kube-controller-manager (노드 수명 주기, ReplicaSet, Deployment, 엔드포인트 컨트롤러)의 사본 수. 하나가 리더이고 나머지는 대기합니다.";
    SetKubeControllerManagerReplicas => "kube-controller-manager replicas", "kube-controller-manager replica 수";
    HelpNodeMonitorPeriodMs => "How often the node lifecycle controller checks the nodes' heartbeats.", "노드 수명 주기 컨트롤러가 노드들의 heartbeat를 확인하는 주기.";
    SetNodeMonitorPeriod => "Node monitor period", "노드 감시 주기";
    SourceNodeMonitorPeriod => "--node-monitor-period", same;
    HelpNodeMonitorGracePeriodMs => "A node whose kubelet has not reported for this long is marked NotReady and tainted; its pods are evicted after their toleration (300 s by default). 40 s before Kubernetes 1.32.", "kubelet이 이만큼 보고하지 않은 노드는 NotReady로 표시되고 taint가 붙습니다. 그 Pod들은 toleration (기본 300초) 뒤에 축출됩니다. 쿠버네티스 1.32 전에는 40초.";
    SetNodeMonitorGracePeriod => "Node monitor grace period", "노드 감시 유예 기간";
    SourceNodeMonitorGrace => "--node-monitor-grace-period (v1.32)", same;
    HelpLeaderLeaseMs => "How long a standby replica waits after the leader's last renewal before taking over.", "대기 중인 replica가 리더의 마지막 갱신 뒤 이어받기 전까지 기다리는 시간.";
    SetLeaseDuration => "Lease duration", "lease 기간";
    SourceLeaseDuration => "--leader-elect-lease-duration", same;
    HelpLeaderRenewDeadlineMs => "How long the leader keeps trying to renew before it gives up leading. Shorter than the lease.", "리더가 리더 자리를 포기하기 전까지 갱신을 계속 시도하는 시간. lease보다 짧습니다.";
    SetRenewDeadline => "Renew deadline", "갱신 기한";
    SourceRenewDeadline => "--leader-elect-renew-deadline", same;
    HelpLeaderRetryPeriodMs => "How often replicas try to acquire or renew the lease.", "replica들이 lease를 얻거나 갱신하려고 시도하는 주기.";
    SetRetryPeriod => "Retry period", "재시도 주기";
    SourceRetryPeriod => "--leader-elect-retry-period", same;
    HelpNodeStatusUpdatePeriodMs => "How often every kubelet posts its node's status: the heartbeat the grace period waits for.", "모든 kubelet이 자기 노드의 상태를 보고하는 주기: 유예 기간이 기다리는 heartbeat입니다.";
    SetNodeStatusPeriod => "Node status period", "노드 상태 보고 주기";
    SourceNodeStatusFrequency => "kubelet --node-status-update-frequency", same;
    HelpCrashBackoffInitialMs => "The wait before restarting a container that exited; it doubles on every exit (CrashLoopBackOff).", "종료된 컨테이너를 재시작하기 전의 대기 시간. 종료할 때마다 두 배가 됩니다 (CrashLoopBackOff).";
    SetCrashBackOff => "Crash back-off", "재시작 back-off";
    SourceKubelet => "kubelet", same;
    HelpCrashBackoffMaxMs => "The longest the restart back-off grows.", "재시작 back-off가 커질 수 있는 최대 시간.";
    SetBackOffCap => "Back-off cap", "back-off 상한";
    HelpCrashBackoffResetMs => "A container that runs this long without exiting starts the back-off from the beginning again.", "이만큼 종료 없이 실행된 컨테이너는 back-off를 처음부터 다시 시작합니다.";
    SetBackOffResetAfter => "Back-off reset after", "back-off 초기화 기준";

    // The inspector: panels, groups, choices and what they explain.
    InspectorPanel => "Inspector", "속성";
    ComponentIdTitle => "The id used in links and the event log", "링크와 이벤트 로그에서 쓰는 id";
    FieldName => "Name", "이름";
    FieldNameHelp => "The label shown on the box.", "상자에 보이는 이름.";
    NameProblem => "A name is 1 to {max} characters.", "이름은 1자에서 {max}자까지입니다.";
    DeleteComponentTitle => "Delete this component and its wires (Delete key)", "이 구성 요소와 그 연결을 삭제합니다 (Delete 키)";
    DeleteComponent => "Delete {kind}", "{kind} 삭제";
    DefaultValue => "default {value}", "기본값 {value}";
    DefaultValueFrom => "default {value} — {source}", "기본값 {value} — {source}";
    DefaultNone => "default none", "기본값 없음";
    GroupThroughput => "Throughput", "처리량";
    GroupMessage => "Message", "메세지";
    GroupReliability => "Reliability", "신뢰성";
    GroupDelivery => "Delivery", "전달";
    GroupPolling => "Polling", "polling";
    GroupFilterPolicy => "Filter policy", "필터 정책";
    GroupHttpRequest => "HTTP request", "HTTP 요청";
    StandardTopicQuirks => "Standard topic quirks", "Standard 토픽의 특성";
    StandardQueueQuirks => "Standard queue quirks", "Standard 큐의 특성";
    ArrivalPattern => "Arrival pattern", "도착 패턴";
    PatternSteady => "Steady (equal gaps)", "일정 (같은 간격)";
    PatternPoisson => "Poisson (random gaps)", "포아송 (무작위 간격)";
    DefaultSteady => "default steady", "기본값 일정";
    ArrivalPatternHelp => "Steady: exactly 1/rate apart. Poisson: random, exponentially distributed gaps with the same average, as real traffic arrives.", "일정: 정확히 1/속도 간격. 포아송: 평균은 같고 지수 분포를 따르는 무작위 간격으로, 실제 트래픽처럼 도착합니다.";
    AddAttributeFirst => "Add an attribute above first; the group id is then read from it.", "먼저 위에서 속성을 추가하세요. 그러면 그룹 id를 그 속성에서 읽습니다.";
    GroupId => "Group id", "그룹 id";
    DefaultOrdersGroup => "default orders", "기본값 orders";
    GroupIdHelp => "Every order carries this group id: a FIFO queue then hands them out strictly one at a time, in order.", "모든 주문이 이 그룹 id를 가집니다. 그러면 FIFO 큐는 주문을 엄격히 하나씩, 순서대로 내줍니다.";
    Groups => "Groups", "그룹 수";
    GroupsHelp => "Orders take the groups g1, g2, … in turn. Each group is ordered on its own, so a FIFO queue can hand out one message of every group at once.", "주문이 g1, g2, … 그룹을 차례로 가집니다. 그룹마다 따로 순서를 지키므로, FIFO 큐는 모든 그룹에서 메세지를 하나씩 동시에 내줄 수 있습니다.";
    Attribute => "Attribute", "속성";
    AttributeGroupHelp => "Each order's group id is the value of this attribute, so orders with the same value are kept in order.", "주문마다 이 속성의 값이 그룹 id가 되므로, 값이 같은 주문끼리 순서가 지켜집니다.";
    FifoMessageGroup => "FIFO message group", "FIFO 메세지 그룹";
    GroupFixed => "Fixed: one group", "고정: 그룹 하나";
    GroupRoundRobin => "Round-robin over N groups", "N개 그룹을 돌아가며";
    GroupFromAttribute => "From an attribute", "속성에서";
    DefaultFixedOrders => "default fixed “orders”", "기본값 고정 “orders”";
    FifoGroupNote => "Only FIFO queues and topics use it; Standard ones ignore it.", "FIFO 큐와 토픽만 씁니다. Standard는 무시합니다.";
    FifoGroupHelp => "SQS FIFO requires a message group id: messages of one group are delivered in order, one at a time; different groups are independent.", "SQS FIFO에는 메세지 그룹 id가 필요합니다: 한 그룹의 메세지는 순서대로 하나씩 전달되고, 그룹끼리는 서로 독립입니다.";
    ManagedRetries => "Deliveries into queues use SNS's managed-endpoint policy: 3 immediate retries, 2 at 1 s, 10 with backoff 1→20 s, then 100,000 at 20 s.", "큐로의 전달은 SNS의 관리형 엔드포인트 정책을 따릅니다: 즉시 3번, 1초 간격 2번, 1→20초 backoff로 10번, 그다음 20초 간격으로 100,000번 재시도합니다.";
    FifoTopicThroughput => "A FIFO topic keeps each message group in order, drops duplicates within 5 minutes, and publishes up to 3,000 messages/s.", "FIFO 토픽은 메세지 그룹마다 순서를 지키고, 5분 안의 중복을 버리며, 초당 3,000건까지 발행합니다.";
    FifoNameTip => "Tip: FIFO names end in .fifo in AWS.", "팁: AWS에서 FIFO 이름은 .fifo로 끝납니다.";
    DefaultStandardSqs => "default Standard — SQS", "기본값 Standard — SQS";
    DefaultStandardSns => "default Standard — SNS", "기본값 Standard — SNS";
    FifoHelp => "Standard: best-effort order, occasional duplicates, nearly unlimited throughput. FIFO: strict order within each message group, 5-minute deduplication, limited throughput. A FIFO topic delivers only to FIFO queues.", "Standard: 순서는 최선을 다할 뿐, 가끔 중복, 처리량은 거의 무제한. FIFO: 메세지 그룹 안에서 엄격한 순서, 5분 중복 제거, 처리량 제한. FIFO 토픽은 FIFO 큐에만 전달합니다.";
    ContentDedup => "Content-based deduplication", "내용 기반 중복 제거";
    DefaultOffSqs => "default off — SQS", "기본값 끔 — SQS";
    ContentDedupHelp => "FIFO queues drop a message whose deduplication id was seen in the last 5 minutes. Off: the id is the one the publisher sends (a resend reuses it). On: the id is a hash of the body, so equal bodies are duplicates even with different ids.", "FIFO 큐는 최근 5분 안에 본 중복 제거 id를 가진 메세지를 버립니다. 끔: 발행자가 보내는 id를 씁니다 (재전송은 같은 id를 다시 씁니다). 켬: 본문의 해시가 id가 되어, 본문이 같으면 id가 달라도 중복입니다.";
    DeadLetterQueue => "Dead-letter queue", "dead-letter 큐";
    DefaultNoneReceivedAgain => "default none: received again until it expires", "기본값 없음: 만료될 때까지 다시 받습니다";
    DlqHelp => "Redrive policy: where messages go after being received too often without a delete (poison messages). It must be a queue of the same type: FIFO → FIFO, Standard → Standard.", "Redrive 정책: 삭제되지 않고 너무 자주 받은 메세지 (poison 메세지)가 가는 곳. 같은 종류의 큐여야 합니다: FIFO → FIFO, Standard → Standard.";
    FifoQueueThroughput => "SQS FIFO: 300 API calls/s per action (send, receive, delete), so 3,000 messages/s with batches of 10. Calls beyond that are throttled, even while messages wait. One message per group is in flight at a time.", "SQS FIFO: 동작(보내기, 받기, 삭제)마다 초당 API 호출 300건이므로, 10개씩 묶으면 초당 3,000건. 그 이상의 호출은 메세지가 기다리는 중에도 거절됩니다. 그룹마다 한 번에 메세지 하나만 이동 중입니다.";
    DlqNone => "None", "없음";
    DlqOtherStandard => "Standard queues (a FIFO source needs FIFO)", "Standard 큐 (FIFO 원본에는 FIFO가 필요)";
    DlqOtherFifo => "FIFO queues (a Standard source needs Standard)", "FIFO 큐 (Standard 원본에는 Standard가 필요)";
    AckOnReceive => "Ack on receive — deleted as it arrives", "받을 때 ack — 도착하자마자 삭제";
    AckAfterProcessing => "Delete after processing — explicit delete", "처리 뒤 삭제 — 명시적 삭제";
    AckAutoDelete => "Auto-delete on success — function style", "성공하면 자동 삭제 — 함수 방식";
    AckOnReceiveNote => "Deleted as soon as it is received: a crash or a failure mid-work loses the message.", "받자마자 삭제됩니다: 작업 중에 죽거나 실패하면 메세지가 유실됩니다.";
    AckAfterProcessingNote => "Deleted after the work succeeds: a crash or failure means redelivery after the visibility timeout, so duplicates are possible.", "작업이 성공한 뒤 삭제됩니다: 죽거나 실패하면 visibility timeout 뒤에 다시 전달되므로, 중복이 생길 수 있습니다.";
    AckAutoDeleteNote => "The runtime deletes the whole batch when every message succeeded; one failure returns the whole batch, and its successes are processed again.", "모든 메세지가 성공하면 런타임이 묶음 전체를 삭제합니다. 하나라도 실패하면 묶음 전체가 돌아가고, 성공했던 것도 다시 처리됩니다.";
    UnknownAckMode => "Unknown acknowledgement mode.", "알 수 없는 ack 방식입니다.";
    Acknowledgement => "Acknowledgement", "ack 방식";
    DefaultDeleteAfterProcessing => "default delete after processing", "기본값 처리 뒤 삭제";
    AckHelp => "When the consumer deletes (acknowledges) what it received — the lesson's three ways: on receive, after processing, or automatically on success.", "컨슈머가 받은 것을 언제 삭제(ack)하는지 — 레슨의 세 가지 방법: 받을 때, 처리 뒤, 또는 성공하면 자동으로.";
    SubscriptionDlq => "Subscription dead-letter queue", "구독의 dead-letter 큐";
    DefaultNoneDropped => "default none: dropped after the retries", "기본값 없음: 재시도 뒤 버립니다";
    SubscriptionDlqHelp => "Where a message goes when the topic gives up delivering it (after its retry policy), instead of being dropped. It must be FIFO exactly when the topic is.", "토픽이 (재시도 정책 뒤) 전달을 포기한 메세지를 버리지 않고 보내는 곳. 토픽이 FIFO이면 FIFO, Standard이면 Standard여야 합니다.";
    HostProblem => "A host is at most {max} letters, digits, '.' or '-', e.g. shop.example.com.", "호스트는 영문자, 숫자, '.', '-'로 {max}자까지입니다 (예: shop.example.com).";
    PathProblem => "A path starts with '/' and is at most {max} characters, e.g. /books/42.", "경로는 '/'로 시작하고 {max}자까지입니다 (예: /books/42).";
    Host => "Host", "호스트";
    HostHelp => "The request's Host header. Ingress rules with a host match only requests for that host; rules without one match any.", "요청의 Host 헤더. 호스트가 있는 Ingress 규칙은 그 호스트로 가는 요청에만 맞고, 호스트가 없는 규칙은 모든 요청에 맞습니다.";
    Path => "Path", "경로";
    PathHelp => "The request's path. {ingress} sends it to the service of the rule with the longest matching path prefix; no match and the request fails.", "요청의 경로. 경로 접두사가 가장 길게 맞는 규칙의 서비스로 보냅니다 ({ingress}). 맞는 규칙이 없으면 요청이 실패합니다.";
    Subscription => "Subscription", "구독";
    Wire => "Wire", "연결";
    WireIntro => "Messages travel from {from} to {to}. Each hop takes the wire's latency.", "메세지가 가는 길: {from} → {to}. 한 구간마다 연결의 지연 시간이 걸립니다.";
    Latency => "Latency", "지연 시간";
    LatencyHelp => "One-way network delay of a message along this wire.", "이 연결을 따라가는 메세지의 단방향 네트워크 지연.";
    DeleteWireTitle => "Delete this wire (Delete key)", "이 연결을 삭제합니다 (Delete 키)";
    DeleteWire => "Delete wire", "연결 삭제";
    TitleTooLong => "A title is at most {max} characters.", "제목은 {max}자까지입니다.";
    DescriptionTooLong => "A description is at most {max} characters.", "설명은 {max}자까지입니다.";
    SeedProblem => "A seed is a whole number from 0 to {max}.", "seed는 0에서 {max}까지의 정수입니다.";
    Scenario => "Scenario", "시나리오";
    ScenarioCounts => "{components} components · {wires} wires", "구성 요소 {components}개 · 연결 {wires}개";
    Title => "Title", "제목";
    TitleHelp => "Shown in the header and when the scenario is shared.", "헤더에, 그리고 시나리오를 공유할 때 보입니다.";
    Description => "Description", "설명";
    DescriptionNote => "Ctrl+Enter or leaving the field saves it.", "Ctrl+Enter를 누르거나 칸을 벗어나면 저장됩니다.";
    DescriptionHelp => "What the scenario shows and what to try, in a paragraph. It travels with the share link.", "시나리오가 보여 주는 것과 해 볼 것을 한 문단으로. 공유 링크에 함께 들어갑니다.";
    Seed => "Seed", "seed";
    SeedHelp => "Seeds the one random generator. The same scenario and seed replay exactly the same run; change it to see another.", "하나뿐인 난수 생성기의 seed. 시나리오와 seed가 같으면 똑같은 실행이 재현되고, 바꾸면 다른 실행을 볼 수 있습니다.";
    HowTo => "How to", "사용법";
    HowAdd => ": drag a component from the palette onto the canvas, or click it.", ": 팔레트에서 구성 요소를 캔버스로 끌어다 놓거나 클릭합니다.";
    HowWire => ": drag from a box's right-hand port onto another box.", ": 상자 오른쪽의 포트에서 다른 상자로 끌어다 놓습니다.";
    HowSelectWord => "Select", "선택";
    HowSelect => ": click a box or a wire; its settings appear here.", ": 상자나 연결을 클릭하면 여기에 설정이 나타납니다.";
    HowDeleteWord => "Delete", "삭제";
    HowDelete => ": select, then press Delete or Backspace.", ": 선택한 뒤 Delete나 Backspace를 누릅니다.";
    HowUndoWord => "Undo / redo", "실행 취소 / 다시 실행";
    HowUndo => ": Ctrl+Z / Ctrl+Shift+Z (⌘ on a Mac).", ": Ctrl+Z / Ctrl+Shift+Z (Mac에서는 ⌘).";
    // The inspector's cluster panels.
    OneReplica => "{n} replica", "replica {n}개";
    ManyReplicas => "{n} replicas", "replica {n}개";
    OnePod => "{n} pod", "Pod {n}개";
    ManyPods => "{n} pods", "Pod {n}개";
    OneMember => "{n} member", "멤버 {n}개";
    ManyMembers => "{n} members", "멤버 {n}개";
    RunsOn => "Runs on", "실행 위치";
    RunsOnNone => "None — a standalone process", "없음 — 독립 프로세스";
    DefaultStandalone => "default none — a standalone process", "기본값 없음 — 독립 프로세스";
    RunsOnConsumerNote => "One instance per Running and Ready pod of {deployment} (it asks for {replicas}); the Instances setting is not used.", "{deployment}의 Running이면서 Ready인 Pod마다 인스턴스 하나 ({replicas} 요청). 인스턴스 설정은 쓰지 않습니다.";
    RunsOnPublisherNote => "One instance per Running and Ready pod of {deployment} (it asks for {replicas}), each publishing at the rate.", "{deployment}의 Running이면서 Ready인 Pod마다 인스턴스 하나 ({replicas} 요청)가 이 속도로 발행합니다.";
    AddDeploymentFirst => "Add a Deployment from the palette to run this on pods.", "Pod 위에서 실행하려면 팔레트에서 Deployment를 추가하세요.";
    RunsOnConsumerHelp => "Where this consumer runs. None: a standalone process with the instances set below. A Deployment: it runs in that deployment's pods, so its instance count follows the Running + Ready pods wherever the scheduler puts them. A dying node then shows up as a growing queue that drains once its pods are replaced.", "이 컨슈머가 실행되는 곳. 없음: 아래 인스턴스 수만큼의 독립 프로세스. Deployment: 그 Deployment의 Pod 안에서 실행되어, 스케줄러가 어디에 두든 인스턴스 수가 Running + Ready Pod 수를 따릅니다. 그러면 죽어 가는 노드는 쌓여 가는 큐로 나타나고, Pod가 대체되면 큐가 비워집니다.";
    RunsOnPublisherHelp => "Where this publisher runs. None: one standalone process. A Deployment: every Running + Ready pod of it is an instance publishing at the rate; while no pod is Ready, nothing is published.", "이 발행자가 실행되는 곳. 없음: 독립 프로세스 하나. Deployment: 그 Running + Ready Pod마다 이 속도로 발행하는 인스턴스가 되고, Ready인 Pod가 없는 동안에는 아무것도 발행하지 않습니다.";
    ZonesNone => "none", "없음";
    ZonesInCluster => "Zones in this cluster: {zones}.", "이 클러스터의 zone: {zones}.";
    NodeAgents => "kubelet: starts this node's pods, runs their probes and posts the node's status every {period} (set on the control plane); if it stops, the node is marked NotReady. kube-proxy: sends Service traffic from this node only to Ready endpoints.", "kubelet: 이 노드의 Pod를 시작하고 probe를 실행하며, {period}마다 노드 상태를 보고합니다 (컨트롤 플레인에서 설정). 멈추면 노드가 NotReady로 표시됩니다. kube-proxy: 이 노드에서 나가는 서비스 트래픽을 Ready인 엔드포인트로만 보냅니다.";
    GroupCapacity => "Capacity", "용량";
    GroupPlacement => "Placement", "배치";
    GroupAgents => "Agents on this node", "이 노드의 에이전트";
    Zone => "Zone", "가용 영역 (zone)";
    DefaultZone => "default zone-a — topology.kubernetes.io/zone", "기본값 zone-a — topology.kubernetes.io/zone";
    ZoneHelp => "The node's availability zone (the topology.kubernetes.io/zone label). Killing a zone kills every node in it, as in the AWS outage of the notes; node affinity can keep pods to some zones.", "노드의 가용 영역 (topology.kubernetes.io/zone 라벨). zone을 죽이면 노트의 AWS 장애처럼 그 안의 모든 노드가 죽습니다. 노드 affinity로 Pod를 일부 zone에만 둘 수 있습니다.";
    Labels => "Labels", "라벨";
    NodeLabelsHelp => "Further node labels, as key=value separated by commas (disktype=ssd). A deployment's node affinity can require them.", "추가 노드 라벨, 쉼표로 구분한 key=value (disktype=ssd). Deployment의 노드 affinity가 이 라벨을 요구할 수 있습니다.";
    Cordoned => "Cordoned (unschedulable)", "배치 중지 (unschedulable)";
    DefaultOffCordon => "default off — kubectl cordon", "기본값 끔 — kubectl cordon";
    CordonedHelp => "A cordoned node takes no new pods (the NodeUnschedulable filter); the pods already on it keep running. The faults strip cordons and drains a node during a run.", "배치 중지된 노드는 새 Pod를 받지 않습니다 (NodeUnschedulable 필터). 이미 있는 Pod는 계속 실행됩니다. 실행 중에는 장애 막대에서 노드를 배치 중지하고 비울 수 있습니다.";
    RollingNote => "With {replicas}, a rolling update runs at most {surge} above and {unavailable} below that count.", "{replicas}일 때, rolling update는 그 수보다 최대 {surge} 많게, {unavailable} 적게 실행합니다.";
    LivenessHelp => "The kubelet probes the container; after the failure threshold it restarts it (a crash loop backs off 10 s, doubling to 5 min). Off: a started container always counts as live.", "kubelet이 컨테이너를 probe하고, 실패 기준에 이르면 재시작합니다 (crash loop는 10초에서 두 배씩 5분까지 back-off). 끔: 시작한 컨테이너는 항상 살아 있는 것으로 칩니다.";
    ReadinessHelp => "The kubelet probes the container; while it fails, the pod is not Ready: it gets no Service traffic and no consumer instance runs in it. Off: a started container is Ready at once.", "kubelet이 컨테이너를 probe하고, 실패하는 동안 Pod는 Ready가 아닙니다: 서비스 트래픽을 받지 않고 컨슈머 인스턴스도 실행되지 않습니다. 끔: 시작한 컨테이너는 바로 Ready입니다.";
    ProbeContainer => "Probe the container", "컨테이너 probe";
    DefaultProbe => "default on — period 10 s, timeout 1 s, 3 failures", "기본값 켬 — 주기 10 s, 제한 시간 1 s, 실패 3회";
    RunsHereNone => "No consumer or publisher runs on it yet: choose it under Runs on in their settings.", "아직 이 위에서 실행되는 컨슈머나 발행자가 없습니다: 그 설정의 실행 위치에서 고르세요.";
    RunningOnIt => "Running on it: {names} (one instance per Running and Ready pod).", "이 위에서 실행 중: {names} (Running이면서 Ready인 Pod마다 인스턴스 하나).";
    GroupScale => "Scale", "규모";
    GroupPodTemplate => "Pod template", "Pod 템플릿";
    PodLabels => "Pod labels", "Pod 라벨";
    DefaultPodLabels => "default none besides app={id}", "기본값 app={id} 외에 없음";
    PodLabelsHelp => "Labels every pod carries besides app=<deployment id>; a Service selector can match them (tier=web).", "app=<deployment id> 외에 모든 Pod가 붙이는 라벨. 서비스 selector가 이 라벨로 Pod를 고를 수 있습니다 (tier=web).";
    GroupLiveness => "Liveness probe", "liveness probe";
    GroupReadiness => "Readiness probe", "readiness probe";
    GroupScheduling => "Scheduling", "스케줄링";
    OnlyInZones => "Only in zones", "이 zone에서만";
    DefaultAnyZone => "default any zone", "기본값 모든 zone";
    OnlyInZonesHelp => "Node affinity (requiredDuringScheduling): the pods may only run on nodes in one of these zones, separated by commas. Empty: any zone.", "노드 affinity (requiredDuringScheduling): Pod는 쉼표로 구분한 이 zone 중 하나에 있는 노드에서만 실행됩니다. 비우면 모든 zone.";
    OnlyOnLabelled => "Only on nodes labelled", "이 라벨이 붙은 노드에서만";
    DefaultAnyNode => "default any node", "기본값 모든 노드";
    OnlyOnLabelledHelp => "A nodeSelector: the pods may only run on nodes carrying all of these labels (disktype=ssd).", "nodeSelector: Pod는 이 라벨을 모두 가진 노드에서만 실행됩니다 (disktype=ssd).";
    GroupRollingUpdate => "Rolling update", "롤링 업데이트";
    GroupPodLifecycle => "Pod lifecycle", "Pod 수명 주기";
    GroupCrashLoop => "Crash loop (a fault)", "crash loop (장애)";
    ContainerCrashes => "The container crashes", "컨테이너가 죽음";
    DefaultOff => "default off", "기본값 끔";
    ContainerCrashesHelp => "Every container of this deployment exits shortly after it starts, never becoming Ready; the kubelet restarts it after a back-off of 10 s, doubling to 5 min (CrashLoopBackOff).", "이 Deployment의 모든 컨테이너가 시작하고 곧 종료되어 Ready가 되지 못합니다. kubelet은 10초에서 두 배씩 5분까지 늘어나는 back-off 뒤에 재시작합니다 (CrashLoopBackOff).";
    TypeClusterIp => "ClusterIP — inside the cluster", "ClusterIP — 클러스터 안에서";
    TypeNodePort => "NodePort — a port on every node", "NodePort — 모든 노드의 포트";
    TypeLoadBalancer => "LoadBalancer — a cloud balancer in front", "LoadBalancer — 앞단의 클라우드 로드 밸런서";
    BalancingRandom => "Random (iptables mode)", "무작위 (iptables 모드)";
    BalancingRoundRobin => "Round-robin (IPVS rr)", "차례로 (IPVS rr)";
    SelectorNone => "None — selects no pods", "없음 — Pod를 고르지 않음";
    SelectorCustom => "Labels: {labels}", "라벨: {labels}";
    SelectsNothing => "It selects no pods: it has no endpoints, so every request to it fails.", "고르는 Pod가 없습니다: 엔드포인트가 없으므로 이 서비스로 가는 모든 요청이 실패합니다.";
    EndpointsOf => "Its endpoints are the Ready pods of {names}.", "엔드포인트: {names}의 Ready인 Pod.";
    UnknownServiceType => "Unknown service type.", "알 수 없는 서비스 유형입니다.";
    NodePortProblem => "A node port is a whole number between {min} and {max}, or empty to pick one automatically.", "노드 포트는 {min}에서 {max} 사이의 정수이거나, 비워 두면 자동으로 고릅니다.";
    UnknownLoadBalancing => "Unknown load balancing.", "알 수 없는 부하 분산 방식입니다.";
    GroupEndpoints => "Endpoints", "엔드포인트";
    GroupTraffic => "Traffic", "트래픽";
    Selector => "Selector", "selector";
    SelectorHelp => "Which pods the Service sends traffic to: a deployment's pods (app=<deployment>), or pods with the labels typed below. Only Ready pods are endpoints.", "서비스가 트래픽을 보낼 Pod: Deployment의 Pod (app=<deployment>), 또는 아래에 입력한 라벨을 가진 Pod. Ready인 Pod만 엔드포인트입니다.";
    SelectorLabels => "Selector labels", "selector 라벨";
    SelectorLabelsHelp => "The selector as labels: pods carrying all of them are endpoints (tier=web matches every deployment whose pod labels include it).", "라벨로 쓴 selector: 이 라벨을 모두 가진 Pod가 엔드포인트입니다 (tier=web은 Pod 라벨에 이것이 있는 모든 Deployment에 맞습니다).";
    ServiceTypeField => "Type", "유형";
    DefaultClusterIp => "default ClusterIP — Kubernetes", "기본값 ClusterIP — Kubernetes";
    ServiceTypeHelp => "ClusterIP: a virtual IP reachable inside the cluster. NodePort: also a port (30000–32767) on every node, which forwards to the endpoints. LoadBalancer: also a cloud load balancer in front of the nodes.", "ClusterIP: 클러스터 안에서 닿는 가상 IP. NodePort: 여기에 더해 모든 노드의 포트 (30000–32767)가 엔드포인트로 전달합니다. LoadBalancer: 여기에 더해 노드 앞에 클라우드 로드 밸런서가 있습니다.";
    NodePortField => "Node port", "노드 포트";
    DefaultNodePort => "default auto — the first free port from 30000", "기본값 자동 — 30000부터 처음 비어 있는 포트";
    NodePortHelp => "The port every node opens for this Service (--service-node-port-range 30000–32767). Empty: picked automatically.", "모든 노드가 이 서비스를 위해 여는 포트 (--service-node-port-range 30000–32767). 비우면 자동으로 고릅니다.";
    SpreadsBy => "kube-proxy spreads by", "kube-proxy 분산 방식";
    DefaultRandomBalancing => "default random — kube-proxy iptables mode", "기본값 무작위 — kube-proxy iptables 모드";
    SpreadsByHelp => "How kube-proxy picks a Ready endpoint for each connection: at random (iptables mode, seeded here) or each in turn (IPVS round-robin).", "kube-proxy가 연결마다 Ready인 엔드포인트를 고르는 방법: 무작위 (iptables 모드, 여기서는 seed를 씀) 또는 차례로 (IPVS round-robin).";
    GroupRouting => "Routing", "라우팅";
    ControllerServes => "An ingress controller serves it", "ingress controller가 처리함";
    DefaultControllerOn => "default on (ingress-nginx, say)", "기본값 켬 (예: ingress-nginx)";
    ControllerServesHelp => "An Ingress is only a routing table: an ingress controller must be installed to serve it. Without one, every request through it fails.", "Ingress는 라우팅 표일 뿐입니다: 처리하려면 ingress controller가 설치되어 있어야 합니다. 없으면 이를 거치는 모든 요청이 실패합니다.";
    ScoringLeast => "LeastAllocated — spread pods", "LeastAllocated — Pod 분산";
    ScoringMost => "MostAllocated — pack pods (bin-packing)", "MostAllocated — Pod 몰기 (bin-packing)";
    NoMemberMayBeLost => "no member may be lost", "멤버를 하나도 잃으면 안 됩니다";
    MembersMayBeDown => "{members} may be down", "{members}까지 죽어도 됩니다";
    UnknownScoring => "Unknown scoring strategy.", "알 수 없는 점수 전략입니다.";
    FailoverNote => "A node that dies is NotReady after {period} without status, and its pods are evicted after their toleration (300 s by default), then replaced.", "죽은 노드는 상태 보고가 {period} 동안 없으면 NotReady가 되고, 그 Pod들은 toleration (기본 300초) 뒤에 축출되어 대체됩니다.";
    QuorumNote => "Quorum {quorum} of {members}: {survives}.", "과반수 {members}개 중 {quorum}개: {survives}.";
    ScoringStrategy => "Scoring strategy", "점수 전략";
    DefaultScoring => "default LeastAllocated — kube-scheduler NodeResourcesFit", "기본값 LeastAllocated — kube-scheduler NodeResourcesFit";
    ScoringHelp => "How the scheduler scores the nodes that pass its filters: LeastAllocated prefers the node with the most room left (pods spread out), MostAllocated the fullest node that still fits (pods packed, bin-packing). Ties are broken at random (seeded).", "스케줄러가 필터를 통과한 노드에 점수를 매기는 방법: LeastAllocated는 남은 자리가 가장 많은 노드를 (Pod 분산), MostAllocated는 아직 들어가는 가장 찬 노드를 (Pod 몰기, bin-packing) 고릅니다. 동점은 무작위 (seed 사용)로 정합니다.";
    GroupKubelet => "Kubelet (every node)", "kubelet (모든 노드)";
    GroupLeaderElection => "Leader election", "리더 선출";
    GroupEtcdTiming => "etcd timing", "etcd 타이밍";
    // The inspector's lists: attributes, filter policies, taints, tolerations, ingress rules.
    FilterIs => "is", "같음";
    FilterStartsWith => "starts with", "시작 문자열";
    FilterIsNot => "is not", "같지 않음";
    FilterEqualNumber => "= (number)", "= (숫자)";
    FilterPresent => "is present", "있음";
    FilterAbsent => "is absent", "없음";
    FilterOr => " or ", " 또는 ";
    FilterAnd => ", and ", ", 그리고 ";
    FilterEveryMessage => "every message", "모든 메세지";
    AttributeName => "Attribute name", "속성 이름";
    AttributeNameHelp => "The attribute's name, as filter policies refer to it.", "필터 정책이 가리킬 때 쓰는 속성의 이름.";
    AttributeKind => "Kind", "종류";
    OneOf => "one of", "중 하나";
    Between => "between", "범위";
    AttributeKindHelp => "One of: each order takes one of the words at random. Between: a whole number drawn uniformly between two bounds.", "중 하나: 주문마다 단어 중 하나를 무작위로 가집니다. 범위: 두 경계 사이에서 고르게 뽑은 정수.";
    RemoveAttribute => "Remove attribute {name}", "속성 {name} 삭제";
    AttributeValuesHelp => "Words separated by commas (book, food), or a range of whole numbers (10–500).", "쉼표로 구분한 단어 (book, food), 또는 정수 범위 (10–500).";
    AttributesHelp => "Message attributes each order carries; topic subscriptions filter on them. Each order draws one value per attribute at random (seeded).", "주문마다 붙는 메세지 속성. 토픽 구독이 이 속성으로 필터링합니다. 주문마다 속성별로 값을 하나씩 무작위로 뽑습니다 (seed 사용).";
    Attributes => "Attributes", "속성";
    OfMax => "{n} of {max}", "{n} / {max}";
    AddAttribute => "Add attribute", "속성 추가";
    FilterKeyHelp => "The message attribute this condition looks at (case-sensitive).", "이 조건이 보는 메세지 속성 (대소문자 구분).";
    Condition => "Condition", "조건";
    ConditionHelp => "is: exact, case-sensitive match. starts with: prefix. is not: anything but these. <, ≤, =, ≥, >: numeric comparison. is present / is absent: whether the message has the attribute.", "같음: 대소문자까지 정확히 일치. 시작 문자열: 접두사. 같지 않음: 이 값들이 아닌 것. <, ≤, =, ≥, >: 숫자 비교. 있음 / 없음: 메세지에 그 속성이 있는지.";
    RemoveCondition => "Remove condition on {key}", "{key} 조건 삭제";
    Value => "Value", "값";
    FilterValueHelp => "The value to compare with; for “is not”, several separated by commas.", "비교할 값. “같지 않음”에는 쉼표로 구분해 여러 개.";
    DeliversOnly => "Delivers only messages where {policy}.", "이런 메세지만 전달합니다: {policy}.";
    DeliversEverything => "Every message is delivered to this subscriber.", "이 구독자에게 모든 메세지를 전달합니다.";
    OnlyMatching => "Only deliver matching messages", "맞는 메세지만 전달";
    DefaultOffEveryMessage => "default off — every message", "기본값 끔 — 모든 메세지";
    OnlyMatchingHelp => "An SNS filter policy on message attributes: the subscriber gets only the messages that match; the rest are dropped for it (and counted as filtered).", "메세지 속성에 대한 SNS 필터 정책: 구독자는 맞는 메세지만 받고, 나머지는 그 구독자에게는 버려집니다 (필터링됨으로 셉니다).";
    Conditions => "Conditions", "조건";
    AttributesOfMax => "{n} of {max} attributes", "속성 {n} / {max}";
    AddCondition => "Add condition", "조건 추가";
    OrAndRemark => "Same attribute twice: either may match (OR). Different attributes: all must match (AND).", "같은 속성이 두 번: 어느 쪽이든 맞으면 됩니다 (OR). 다른 속성: 모두 맞아야 합니다 (AND).";
    TaintNeedsKey => "A taint needs a key.", "taint에는 key가 필요합니다.";
    UnknownTaintEffect => "Unknown taint effect.", "알 수 없는 taint effect입니다.";
    Key => "Key", "key";
    TaintKeyHelp => "The taint's key (dedicated, gpu). Pods need a matching toleration.", "taint의 key (dedicated, gpu). Pod에는 맞는 toleration이 있어야 합니다.";
    Effect => "Effect", "effect";
    TaintEffectHelp => "NoSchedule: new pods without a matching toleration are not scheduled here; running pods stay. NoExecute: they are also evicted. (PreferNoSchedule, a soft preference, is not modelled.)", "NoSchedule: 맞는 toleration이 없는 새 Pod는 여기에 배치되지 않고, 실행 중인 Pod는 남습니다. NoExecute: 실행 중인 Pod도 축출됩니다. (약한 선호인 PreferNoSchedule은 모델링하지 않습니다.)";
    RemoveTaint => "Remove taint {key}", "taint {key} 삭제";
    ValueMayBeEmpty => "Value (may be empty)", "값 (비워도 됨)";
    TaintValueHelp => "The taint's value; a toleration with the Equal operator must name it.", "taint의 값. Equal 연산자를 쓰는 toleration은 이 값을 적어야 합니다.";
    Taints => "Taints", "taint";
    TaintsHelp => "Taints keep pods away from this node unless they tolerate them (TaintToleration). A node that stops reporting gets the not-ready and unreachable NoExecute taints by itself.", "taint는 이를 tolerate하지 않는 Pod를 이 노드에서 떼어 놓습니다 (TaintToleration). 보고가 멈춘 노드에는 not-ready, unreachable NoExecute taint가 저절로 붙습니다.";
    AddTaint => "Add taint", "taint 추가";
    AnyEffect => "any effect", "모든 effect";
    Forever => "forever", "영원히";
    KeyEmptyAny => "Key (empty: any)", "key (비우면 모두)";
    TolerationKeyHelp => "The taint key tolerated. Empty with the Exists operator tolerates every taint.", "tolerate하는 taint key. 비우고 Exists 연산자를 쓰면 모든 taint를 tolerate합니다.";
    Operator => "Operator", "연산자";
    OperatorHelp => "Equal: the taint's value must be the one below. Exists: any value.", "Equal: taint의 값이 아래 값이어야 합니다. Exists: 어떤 값이든.";
    RemoveToleration => "Remove toleration {key}", "toleration {key} 삭제";
    TolerationValueHelp => "The taint value tolerated (Equal only).", "tolerate하는 taint 값 (Equal에만).";
    TolerationEffectHelp => "The taint effect tolerated, or any.", "tolerate하는 taint effect, 또는 모두.";
    NoExecuteStay => "NoExecute: stay {time}", "NoExecute: {time} 머무름";
    TolerationSecondsHelp => "tolerationSeconds, for NoExecute taints: how long the pod may stay after the taint appears, in ms or with a unit (60 s). Empty: forever.", "NoExecute taint에 대한 tolerationSeconds: taint가 생긴 뒤 Pod가 머물 수 있는 시간, ms 또는 단위와 함께 (60 s). 비우면 영원히.";
    Tolerations => "Tolerations", "toleration";
    TolerationsHelp => "Tolerations let the pods onto nodes with matching taints (they do not draw them there). Every pod also tolerates the not-ready and unreachable taints for the eviction toleration below.", "toleration은 Pod가 맞는 taint가 있는 노드에 들어갈 수 있게 합니다 (그쪽으로 끌어당기지는 않습니다). 모든 Pod는 아래의 축출 toleration 동안 not-ready, unreachable taint도 tolerate합니다.";
    AddToleration => "Add toleration", "toleration 추가";
    MissingService => "{id} (missing)", "{id} (없음)";
    AnyHost => "any host", "모든 호스트";
    RuleHostHelp => "The HTTP Host this rule matches (shop.example.com); empty matches any host.", "이 규칙이 맞는 HTTP Host (shop.example.com). 비우면 모든 호스트에 맞습니다.";
    PathPrefix => "Path prefix", "경로 접두사";
    PathPrefixHelp => "Requests whose path starts with this (/api) follow the rule.", "경로가 이것으로 시작하는 (/api) 요청이 이 규칙을 따릅니다.";
    RemoveRule => "Remove rule {rule}", "규칙 {rule} 삭제";
    RuleServiceHelp => "The Service matching requests go to.", "맞는 요청이 가는 서비스.";
    AddServiceFirst => "Add a Service first: a rule routes to one.", "먼저 서비스를 추가하세요: 규칙은 서비스로 보냅니다.";
    Rules => "Rules", "규칙";
    RulesHelp => "Each rule sends requests for a host (or any host) whose path starts with a prefix to a Service.", "규칙마다, 호스트 (또는 모든 호스트)로 가고 경로가 접두사로 시작하는 요청을 서비스로 보냅니다.";
    AddRule => "Add rule", "규칙 추가";
    AddServiceFromPalette => "Add a Service from the palette first: every rule routes to one.", "먼저 팔레트에서 서비스를 추가하세요: 모든 규칙은 서비스로 보냅니다.";

    // The canvas: its empty hint, the boxes' live status lines and badges,
    // pod chips, countdown rings, ports, wires and the control plane's members.
    EmptyCanvasHint => "Drag a publisher, a queue and a consumer here from the palette,", "팔레트에서 발행자, 큐, 컨슈머를 여기로 끌어다 놓고,";
    EmptyCanvasHintWire => "then drag from a box's right-hand port to another box to wire them.", "상자 오른쪽의 포트에서 다른 상자까지 끌어서 연결하세요.";
    FoldControlPlane => "Fold the control plane back into one box", "컨트롤 플레인을 다시 상자 하나로 접습니다";
    ExpandControlPlane => "Show kube-apiserver, each etcd member, kube-scheduler and kube-controller-manager (press one to kill or revive it)",
        "kube-apiserver, etcd 멤버 하나하나, kube-scheduler, kube-controller-manager를 펼쳐 보입니다 (하나를 누르면 죽이거나 살립니다)";
    PortInTitle => "Drag from here to the box that should feed this one", "여기서부터 이 상자로 메세지를 보낼 상자까지 끌어서 연결하세요";
    PortOutTitle => "Drag from here to another box to wire them", "여기서부터 다른 상자까지 끌어서 연결하세요";
    FunnelTitle => "Filter policy: only messages where {policy}", "필터 정책: 이런 메세지만 전달합니다: {policy}";
    WireTitle => "{from} → {to} · {latency} latency", "{from} → {to} · 지연 시간 {latency}";
    DlqAfterRetries => "DLQ after retries", "재시도 후 DLQ";
    DlqAfterReceive => "DLQ after {n} receive", "수신 {n}회 후 DLQ";
    DlqAfterReceives => "DLQ after {n} receives", "수신 {n}회 후 DLQ";
    StatusNotReady => "NotReady", same;
    StatusReady => "Ready", same;
    StatusReadySilent => "Ready (silent)", "Ready (보고 없음)";
    NodeLine => "{status} · {zone}", same;
    NodeLineCordoned => "{status} · {zone} · cordoned", "{status} · {zone} · 배치 중지됨";
    ApiUp => "API up", "API 정상";
    ApiDown => "API down", "API 중단";
    ControlPlaneLine => "{api} · etcd {up}/{members}", same;
    ControlPlaneIdleLine => "API up · etcd ×{members}", "API 정상 · etcd ×{members}";
    StatusDown => "down", "죽음";
    StatusSteady => "steady", "일정";
    StatusPoisson => "Poisson", "포아송";
    PublisherLine => "{rate} msg/s · {pattern}", "초당 {rate}건 · {pattern}";
    NoSubscribers => "no subscribers", "구독자 없음";
    FansOutTo => "fans out to {n}", "{n}곳으로 팬아웃";
    FansOutRetrying => "fans out to {n} · {retrying} retrying", "{n}곳으로 팬아웃 · 재시도 {retrying}";
    QueueLine => "{waiting} waiting · {in_flight} in flight", "대기 {waiting} · 이동 중 {in_flight}";
    ConsumerLine => "busy {busy}/{workers}", "처리 중 {busy}/{workers}";
    NodeSpecLine => "{pods} pods · {zone}", "Pod {pods}개 · {zone}";
    DeploymentLine => "ready {ready}/{total}", "Ready {ready}/{total}";
    ServiceLine => "{n} endpoints", "엔드포인트 {n}개";
    IngressLine => "{n} rules", "규칙 {n}개";
    BadgeFifo => "FIFO", same;
    BadgePending => "{n} pending", "대기 중 {n}";
    BadgeDelayed => "{n} delayed", "지연 {n}";
    BadgeSlowed => "slowed", "느려짐";
    BadgeThrottled => "throttled", "요청 거절";
    PodRestarts => "{n} restarts", "재시작 {n}회";
    PodChipHint => "click: why here / why pending", "클릭: 왜 여기에 / 왜 대기 중";
    RingBackoff => "restart in {time} (back-off)", "{time} 뒤 재시작 (back-off)";
    RingEvict => "pods evicted in {time}", "{time} 뒤 Pod 축출";
    RingGrace => "NotReady in {time} (no status)", "{time} 뒤 NotReady (상태 보고 없음)";
    LinkSelects => "{service} sends its traffic to the Ready pods of {deployment}: its selector matches their labels",
        "{service}의 트래픽은 {deployment}의 Ready인 Pod로 갑니다: selector가 그 Pod들의 라벨에 맞습니다";
    LinkRoutes => "{ingress} routes requests for {rule} to {service}", "{ingress}의 라우팅: {rule} 요청을 {service}에 보냅니다";
    LinkRunsOn => "{name} runs on {deployment}: one instance per Running and Ready pod, wherever the pods are",
        "{name}의 실행 위치: {deployment} — Pod가 어디에 있든 Running이면서 Ready인 Pod마다 인스턴스가 하나입니다";
    MemberUp => "up", "정상";
    MemberDown => "down", "죽음";
    MemberNoQuorum => "no quorum", "과반수 없음";
    MemberLeader => "leader", "리더";
    MemberIdle => "{up}/{total} idle", "{up}/{total} 대기";
    MemberElecting => "electing", "선출 중";
    ApiServerTip => "kube-apiserver answers while etcd has a quorum: {quorum} of {members} members up (now {up}). It follows etcd: revive members to bring it back.",
        "kube-apiserver는 etcd에 과반수가 있는 동안 응답합니다: 멤버 {members}개 중 {quorum}개가 살아 있어야 합니다 (지금 {up}개). etcd를 따르므로, 멤버를 살리면 돌아옵니다.";
    EtcdLeaderTip => "etcd member {m}, the leader: press to kill it", "etcd 멤버 {m} (리더): 누르면 죽입니다";
    EtcdFollowerTip => "etcd member {m}, a follower: press to kill it", "etcd 멤버 {m} (팔로워): 누르면 죽입니다";
    EtcdMemberDownTip => "etcd member {m} is down: press to revive it", "etcd 멤버 {m}: 죽어 있습니다. 누르면 살립니다";
    EveryReplicaDown => "every replica is down", "모든 replica가 죽었습니다";
    ReplicaLeads => "{up} of {total} replicas up, replica {leader} leads", "replica {total}개 중 {up}개 살아 있음, 리더는 replica {leader}";
    LeaderCannotReachApi => "replica {leader} leads but cannot reach the API", "replica {leader}: 리더이지만 API에 닿지 못합니다";
    ReplicasElecting => "{up} of {total} replicas up, electing a leader", "replica {total}개 중 {up}개 살아 있음, 리더 선출 중";
    ElectedKillTip => "{name}: {state}. Press to kill its leader (another replica takes over after the lease).",
        "{name}: {state}. 누르면 리더를 죽입니다 (lease가 끝나면 다른 replica가 이어받습니다).";
    ElectedReviveTip => "{name}: {state}. Press to bring every replica back.", "{name}: {state}. 누르면 모든 replica를 살립니다.";

    // The lesson bar, and what the playback host says about a lesson.
    LessonLabel => "Lesson", "레슨";
    LessonGuidedTitle => "A guided lesson in {count} steps", "{count}단계로 안내하는 레슨";
    LessonOffSteps => "Lesson · {count} steps", "레슨 · {count}단계";
    LessonStartTitle => "Start the lesson (→ or Page Down): the run starts over at step 1", "레슨 시작 (→ 또는 Page Down): 실행이 1단계부터 다시 시작합니다";
    LessonStart => "Start the lesson ›", "레슨 시작 ›";
    LessonCheckTitle => "This step's check: {check} — {meaning}", "이 단계의 확인: {check} — {meaning}";
    LessonCheckPending => "not decided yet: the step is still playing", "아직 판정 전: 이 단계가 아직 재생 중입니다";
    LessonCheckPassed => "passed", "통과";
    LessonCheckFailed => "failed", "실패";
    LessonPreviousTitle => "Previous step (← or Page Up): replays the run from the start to that step", "이전 단계 (← 또는 Page Up): 처음부터 그 단계까지 실행을 다시 재생합니다";
    LessonPrevious => "Previous step", "이전 단계";
    LessonStepLabel => "Step {number} of {count}: replay it", "{count}단계 중 {number}단계: 다시 재생";
    LessonStepTitle => "Step {number} of {count}. Press to replay it from its start.", "{count}단계 중 {number}단계. 누르면 이 단계를 처음부터 다시 재생합니다.";
    LessonNextTitle => "Next step (→ or Page Down): applies its faults and plays to its end", "다음 단계 (→ 또는 Page Down): 그 단계의 장애를 일으키고 끝까지 재생합니다";
    LessonNext => "Next step", "다음 단계";
    LessonEndTitle => "Leave the lesson: every component shows again and the run plays on freely", "레슨 나가기: 모든 구성 요소가 다시 보이고 실행은 자유롭게 계속됩니다";
    LessonEnd => "Leave the lesson", "레슨 나가기";
    LessonStepRefused => "Lesson step {n}: {reason}", "레슨 {n}단계: {reason}";
    EmbedStepMissing => "Fanout embed: step={step} is not a step of this lesson (it has {count}); starting at 1",
        "Fanout 임베드: 이 레슨에는 step={step} 단계가 없습니다 ({count}단계까지 있음). 1단계부터 시작합니다";

    // What the inspector says of a value it cannot take (src/editor/parse.rs,
    // the rate field), the counted things those messages name, and why a
    // link, a file, an embed's `load` or the autosave could not be opened.
    CountPods => "pods", "Pod 수";
    CountReplicas => "replicas", "replica 수";
    CountPercent => "percent", "퍼센트";
    CountProbes => "probes", "probe 횟수";
    CountPort => "port", "포트 번호";
    CountEtcdMembers => "etcd members", "etcd 멤버 수";
    CountOrders => "orders", "주문 수";
    CountRetries => "retries", "재시도 횟수";
    CountReceives => "receives", "수신 횟수";
    CountWorkers => "workers", "작업자 수";
    CountInstances => "instances", "인스턴스 수";
    CountMessages => "messages", "메세지 수";
    CountGroups => "groups", "그룹 수";
    RangeBetween => "between {min} and {max}", "{min}에서 {max} 사이";
    WholeNumberMissing => "Enter a whole number of {what}, {range}.", "{what}: {range}의 정수를 입력하세요.";
    WholeNumberUnreadable => "'{text}' is not a whole number of {what}; enter one {range}.",
        "'{text}': 정수가 아닙니다. {what}: {range}의 정수를 입력하세요.";
    WholeNumberOutOfRange => "Enter a number of {what} {range}.", "{what}: {range}의 수를 입력하세요.";
    DurationRange => "between {min} and {max} ({max_ms} ms)", "{min}에서 {max} ({max_ms} ms) 사이";
    DurationUnreadable => "Enter a duration {range}: milliseconds, or a number with s, min, h or d.",
        "{range}의 시간을 입력하세요: 밀리초, 또는 s, min, h, d 단위를 붙인 숫자.";
    DurationOutOfRange => "Enter a duration {range}.", "{range}의 시간을 입력하세요.";
    CpuOne => "1 CPU", "CPU 1개";
    CpuMany => "{cpus} CPUs", "CPU {cpus}개";
    CpuFraction => "{cpus} CPU", same;
    CpuProblem => "Enter CPU between {min} and {max} millicores ({min_cpu} to {max_cpu}); 1 CPU is 1,000 m, and 2 cpu or 500m work too.",
        "CPU를 {min}에서 {max} 밀리코어 사이로 입력하세요 ({min_cpu}에서 {max_cpu}). 1 CPU는 1,000 m이고, 2 cpu나 500m도 됩니다.";
    MemoryProblem => "Enter memory between {min} and {max} MiB ({min_memory} to {max_memory}): a whole number of MiB, or with Gi (8 Gi = 8,192 MiB).",
        "메모리를 {min}에서 {max} MiB 사이로 입력하세요 ({min_memory}에서 {max_memory}): MiB 단위의 정수, 또는 Gi 단위 (8 Gi = 8,192 MiB).";
    LabelNeedsValue => "'{item}' needs a value: write labels as key=value, separated by commas.",
        "'{item}': 값이 필요합니다. 라벨은 쉼표로 구분한 key=value로 쓰세요.";
    LabelNeedsKey => "'{item}' has no key: write labels as key=value.", "'{item}': key가 없습니다. 라벨은 key=value로 쓰세요.";
    LabelTwice => "The label '{key}' appears twice.", "라벨 '{key}': 두 번 나옵니다.";
    RatioProblem => "Enter a fraction from 0 to 1 (0.05 or 5%).", "0에서 1 사이의 비율을 입력하세요 (0.05 또는 5%).";
    RangeReversed => "The first number of a range is the smaller one, as in 10–500.", "범위는 작은 수부터 씁니다 (예: 10–500).";
    RangeProblem => "Enter a range of whole numbers, as in 10–500.", "정수 범위를 입력하세요 (예: 10–500).";
    ValuesProblem => "Enter one or more values separated by commas, as in book, food.", "쉼표로 구분한 값을 하나 이상 입력하세요 (예: book, food).";
    ConditionNotNumber => "'{value}' is not a number to compare with.", "'{value}': 비교할 수 있는 숫자가 아닙니다.";
    ConditionNeedsValue => "Enter the value to match.", "비교할 값을 입력하세요.";
    ConditionNeedsValues => "Enter the values to exclude, separated by commas.", "제외할 값을 쉼표로 구분해 입력하세요.";
    UnknownCondition => "Unknown condition '{condition}'.", "알 수 없는 조건입니다: '{condition}'.";
    RateProblem => "Enter a rate of more than 0 and at most {max} msg/s.", "0보다 크고 초당 {max}건 이하인 속도를 입력하세요.";
    CodecEmpty => "There is no scenario in this link: it should end in #s={version}. followed by letters and digits. Copy the whole link again.",
        "이 링크에는 시나리오가 없습니다: 링크는 #s={version}. 뒤에 영문자와 숫자가 이어져야 합니다. 링크 전체를 다시 복사하세요.";
    CodecLinkTooLong => "This link is too large to open ({chars} characters; at most {max} are accepted). Export the scenario as a file and import that instead.",
        "이 링크는 너무 커서 열 수 없습니다 ({chars}자, 최대 {max}자). 대신 시나리오를 파일로 내보낸 뒤 그 파일을 가져오세요.";
    CodecNotAFanoutLink => "This is not a Fanout scenario link: a share link ends in #s={version}. followed by letters and digits.",
        "Fanout 시나리오 링크가 아닙니다: 공유 링크는 #s={version}. 뒤에 영문자와 숫자가 이어집니다.";
    CodecNewerVersion => "This scenario was made by a newer version of Fanout (format {version}); this version opens formats up to {newest}. Open it in the latest Fanout.",
        "이 시나리오는 더 새로운 버전의 Fanout에서 만들었습니다 (형식 {version}). 이 버전은 형식 {newest}까지 엽니다. 최신 Fanout에서 여세요.";
    CodecLinkSplit => "This link is damaged: it contains a space or line break, as if it was split over two lines. Copy the whole link again as one piece.",
        "이 링크는 손상되었습니다: 두 줄로 나뉜 것처럼 공백이나 줄바꿈이 들어 있습니다. 링크 전체를 한 덩어리로 다시 복사하세요.";
    CodecBadCharacter => "This link is damaged: it contains '{character}', which a share link never does. Copy the whole link again.",
        "이 링크는 손상되었습니다: 공유 링크에는 없는 문자가 들어 있습니다: '{character}'. 링크 전체를 다시 복사하세요.";
    CodecCutShort => "This link is damaged: it was cut short — copy the whole link again.",
        "이 링크는 손상되었습니다: 중간에 잘렸습니다 — 링크 전체를 다시 복사하세요.";
    CodecDamaged => "This link is damaged: its data cannot be unpacked — copy the whole link again.",
        "이 링크는 손상되었습니다: 데이터를 풀 수 없습니다 — 링크 전체를 다시 복사하세요.";
    CodecTooLarge => "This link is too large to open: its scenario unpacks to more than {max} bytes.",
        "이 링크는 너무 커서 열 수 없습니다: 시나리오를 풀면 {max}바이트가 넘습니다.";
    CodecBinary => "This link is damaged: its data is not text — copy the whole link again.",
        "이 링크는 손상되었습니다: 데이터가 텍스트가 아닙니다 — 링크 전체를 다시 복사하세요.";
    CodecFileTooLarge => "This file is too large to be a Fanout scenario ({bytes} bytes; at most {max}).",
        "이 파일은 Fanout 시나리오로 보기에는 너무 큽니다 ({bytes}바이트, 최대 {max}).";
    CodecNotAScenario => "This is not a Fanout scenario: {detail}.", "Fanout 시나리오가 아닙니다: {detail}.";
    CodecInvalidOne => "This scenario cannot be opened; it has {count} problem: {problems}.",
        "이 시나리오는 열 수 없습니다. 문제 {count}개: {problems}.";
    CodecInvalidMany => "This scenario cannot be opened; it has {count} problems: {problems}.",
        "이 시나리오는 열 수 없습니다. 문제 {count}개: {problems}.";
    CodecMoreProblems => "; and {n} more", "; 외 {n}개";
    AutosaveUnreadable => "The work autosaved in this browser could not be opened. {reason} It is left as it is until you change something here; then the new work is saved in its place.{copy}",
        "이 브라우저에 자동 저장된 작업을 열 수 없습니다. {reason} 여기서 무언가를 바꾸기 전까지는 그대로 두고, 바꾸면 새 작업을 그 자리에 저장합니다.{copy}";
    AutosaveCopyKept => " A copy is also kept in this browser's storage under '{key}'.",
        " 이 브라우저의 저장소에 사본도 보관해 두었습니다 (이름: '{key}').";
    CannotSave => "This browser does not let Fanout save your work (storage is blocked or full), so it will not be here when you come back. Use Share or Export to keep it.",
        "이 브라우저에서는 Fanout이 작업을 저장할 수 없어서 (저장소가 막혔거나 가득 참), 다시 와도 작업이 남아 있지 않습니다. 보관하려면 공유나 내보내기를 쓰세요.";
    NoSuchPreset => "There is no preset called '{name}'.", "이런 이름의 프리셋은 없습니다: '{name}'.";
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
