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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_as_the_editor_names_and_explains_them() {
        for kind in ComponentKind::ALL {
            for fifo in [false, true] {
                let fifo = fifo && matches!(kind, ComponentKind::Topic | ComponentKind::Queue);
                assert_eq!(Text::kind(kind, fifo).text(Lang::En), crate::editor::variant_label(kind, fifo), "{kind:?}");
                assert_eq!(Text::kind_help(kind, fifo).text(Lang::En), crate::editor::variant_help(kind, fifo), "{kind:?}");
            }
        }
    }

    #[test]
    fn the_table_has_one_entry_per_key() {
        assert_eq!(TEXTS.len(), Text::ALL.len());
        for (index, &key) in Text::ALL.iter().enumerate() {
            assert_eq!(key as usize, index);
        }
    }
}
