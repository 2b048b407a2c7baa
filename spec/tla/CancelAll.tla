----------------------------- MODULE CancelAll -----------------------------
(***************************************************************************)
(* The contract of WMI's SWbemSink.Cancel, as sinkcheck states it.         *)
(*                                                                         *)
(* A sink is a client-side callback endpoint with one listener. A call is  *)
(* bound to exactly one sink when it begins, and carries the caller's      *)
(* context (here: the call's own name, which is what tells calls apart).   *)
(* Providers signal a call (object, progress) and end it (complete, fail); *)
(* the client ends every pending call of a sink at once with Cancel(s).    *)
(*                                                                         *)
(* This is the *abstract* spec: every action is one atomic step, and the   *)
(* step of Cancel(s) is its linearization point. The lock-free algorithm   *)
(* (CancelAllAlgo.tla) refines it. Each rule of RULES.md appears below as  *)
(* an operator named SCnn_..., so a report naming SC-nn leads here.        *)
(*                                                                         *)
(* Why the variables are what they are:                                    *)
(*  - heard[s][c] is what the listener of sink s observed of call c. It is *)
(*    indexed by *every* sink, not only the owner, so "an event reached    *)
(*    another sink's listener" is a state the model can express (SC-02).   *)
(*    Per-call sequences, not one log per sink: the contract orders the    *)
(*    events of one call and deliberately nothing across calls (SC-09).    *)
(*  - registry[s] is what sink s still references. Keeping it as a variable*)
(*    (not deriving it from status) lets a wrong sink that retains         *)
(*    finished calls be a different state (SC-13).                         *)
(*  - faulted[c]: the listener threw while handling c, and the sink        *)
(*    reported that error. It also tells a call cancelled because its own  *)
(*    listener failed from one cancelled by Cancel(s) (SC-01, SC-15).      *)
(*  - cancels[s] counts the client's cancels of s (the algorithm's         *)
(*    generation number). It says which sink a step cancels, so SC-01,     *)
(*    SC-02 and SC-07 judge a step by the sink it acts on instead of       *)
(*    inferring that sink from what changed (a cancel of an idle s1 that   *)
(*    ends s2's calls would look like s2's own cancel). No action reads    *)
(*    it, and the rules read only how a step changes it, so the            *)
(*    configurations leave it out of the VIEW: the state graph is that of  *)
(*    the five variables above, and the counter does not make it infinite. *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Sinks,       \* the sinks, e.g. {"s1", "s2"}
    Calls,       \* the calls, e.g. {"c1", "c2", "c3"}; each begins at most once
    Endless,     \* calls that never end on their own (event subscriptions), a subset of Calls
    MaxSignals   \* model bound: object + progress signals per call

ASSUME Endless \subseteq Calls /\ MaxSignals \in Nat

NoSink == "none"
Pending == "pending"
Unborn == "unborn"
Finals == {"completed", "failed", "cancelled"}
Signals == {"object", "progress"}
Statuses == {Unborn, Pending} \cup Finals

VARIABLES owner, status, heard, registry, faulted, cancels
vars == <<owner, status, heard, registry, faulted, cancels>>
\* What TLC tells states apart by (the configurations' VIEW): everything but the cancel counter.
Contract == <<owner, status, heard, registry, faulted>>

TypeOK ==
    /\ owner \in [Calls -> Sinks \cup {NoSink}]
    /\ status \in [Calls -> Statuses]
    /\ heard \in [Sinks -> [Calls -> Seq(Signals \cup Finals)]]
    /\ registry \in [Sinks -> SUBSET Calls]
    /\ faulted \in [Calls -> BOOLEAN]
    /\ cancels \in [Sinks -> Nat]

Init ==
    /\ owner = [c \in Calls |-> NoSink]
    /\ status = [c \in Calls |-> Unborn]
    /\ heard = [s \in Sinks |-> [c \in Calls |-> <<>>]]
    /\ registry = [s \in Sinks |-> {}]
    /\ faulted = [c \in Calls |-> FALSE]
    /\ cancels = [s \in Sinks |-> 0]

\* The listener that hears call c, and how many signals c has had.
Hears(c, event) == [heard EXCEPT ![owner[c]][c] = Append(@, event)]
SignalCount(c) == Len(SelectSeq(heard[owner[c]][c], LAMBDA e : e \in Signals))
CanSignal(c) == status[c] = Pending /\ SignalCount(c) < MaxSignals

(***************************************************************************)
(* Cancel's effect, as functions of the current state, so that rules can   *)
(* talk about "what cancel does" (SC-07) without a history variable.       *)
(***************************************************************************)
\* (The functions below test IsPendingOf per call, which is c \in PendingOf(s) for c \in Calls by the
\* definition of PendingOf: TLC would rebuild the set PendingOf(s) for every call, quadratic in the
\* calls, which trace validation's large call sets pay for at every cancel.)
IsPendingOf(c, s) == owner[c] = s /\ status[c] = Pending
PendingOf(s) == {c \in Calls : IsPendingOf(c, s)}
CancelledStatus(s) == [c \in Calls |-> IF IsPendingOf(c, s) THEN "cancelled" ELSE status[c]]
CancelledHeard(s) ==
    [heard EXCEPT ![s] = [c \in Calls |-> IF IsPendingOf(c, s) THEN Append(@[c], "cancelled") ELSE @[c]]]
CountsCancel(s) == cancels' = [cancels EXCEPT ![s] = @ + 1]

-----------------------------------------------------------------------------
(* Client actions *)

\* Begin a call on sink s: it is bound to s for life, and live even if s was cancelled before (SC-08).
Begin(s, c) ==
    /\ status[c] = Unborn
    /\ owner' = [owner EXCEPT ![c] = s]
    /\ status' = [status EXCEPT ![c] = Pending]
    /\ registry' = [registry EXCEPT ![s] = @ \cup {c}]
    /\ UNCHANGED <<heard, faulted, cancels>>

\* Cancel every call of s pending now, and nothing else (SC-01, SC-02). No enabling condition:
\* cancel never waits for anyone (SC-11), and on an idle sink it is a no-op (SC-07).
Cancel(s) ==
    /\ status' = CancelledStatus(s)
    /\ heard' = CancelledHeard(s)
    /\ registry' = [registry EXCEPT ![s] = {}]
    /\ CountsCancel(s)
    /\ UNCHANGED <<owner, faulted>>

(* Provider actions, through the handle that Begin issued *)

Deliver(c) ==
    /\ CanSignal(c)
    /\ heard' = Hears(c, "object")
    /\ UNCHANGED <<owner, status, registry, faulted, cancels>>

Progress(c) ==
    /\ CanSignal(c)
    /\ heard' = Hears(c, "progress")
    /\ UNCHANGED <<owner, status, registry, faulted, cancels>>

\* Ending a call unlinks it from its sink at once (SC-13); exactly one final wins (SC-05).
\* Subscriptions never end on their own (SC-10). (Complete and Fail each open with their own guard so
\* that TLC labels their edges with their own names.)
Ends(c, final) ==
    /\ status' = [status EXCEPT ![c] = final]
    /\ heard' = Hears(c, final)
    /\ registry' = [registry EXCEPT ![owner[c]] = @ \ {c}]
    /\ UNCHANGED <<owner, faulted, cancels>>

Complete(c) ==
    /\ status[c] = Pending /\ c \notin Endless
    /\ Ends(c, "completed")

Fail(c) ==
    /\ status[c] = Pending /\ c \notin Endless
    /\ Ends(c, "failed")

(* Handles the sink did not issue for a live call: refused, and nothing changes (SC-14). *)

\* A provider signals a call that already has its final.
StaleHandle(c) ==
    /\ status[c] \in Finals
    /\ UNCHANGED vars

\* A provider presents call c's handle to sink s, which did not issue it.
ForeignHandle(c, s) ==
    /\ status[c] = Pending
    /\ owner[c] # s
    /\ UNCHANGED vars

\* Anyone presents to sink s a handle no sink issued.
ForgedHandle(s) == UNCHANGED vars

(* The listener's own behaviour *)

\* The listener throws from a signal callback: the sink reports the error and cancels that call
\* only, which still gets its one final (SC-15; WMI MS-WMI 3.2.4.1.1).
ListenerThrows(c) ==
    /\ CanSignal(c)
    /\ heard' = [heard EXCEPT ![owner[c]][c] = @ \o <<"object", "cancelled">>]
    /\ status' = [status EXCEPT ![c] = "cancelled"]
    /\ registry' = [registry EXCEPT ![owner[c]] = @ \ {c}]
    /\ faulted' = [faulted EXCEPT ![c] = TRUE]
    /\ UNCHANGED <<owner, cancels>>

\* The listener cancels its own sink from inside an object callback of call c. WMI forbids this;
\* sinkcheck guarantees it takes effect, the running callback's call included, and never deadlocks (SC-16).
CancelInCallback(c) ==
    /\ CanSignal(c)
    /\ LET s == owner[c]
           withObject == [heard EXCEPT ![s][c] = Append(@, "object")]
       IN /\ status' = CancelledStatus(s)
          /\ heard' = [withObject EXCEPT ![s] = [d \in Calls |->
                         IF IsPendingOf(d, s) THEN Append(@[d], "cancelled") ELSE @[d]]]
          /\ registry' = [registry EXCEPT ![s] = {}]
          /\ CountsCancel(s)
          /\ UNCHANGED <<owner, faulted>>

-----------------------------------------------------------------------------
ClientStep == \E s \in Sinks : \/ \E c \in Calls : Begin(s, c)
                               \/ Cancel(s)
ProviderStep ==
    \/ \E c \in Calls : \/ Deliver(c) \/ Progress(c) \/ Complete(c) \/ Fail(c)
                        \/ StaleHandle(c)
                        \/ \E s \in Sinks : ForeignHandle(c, s)
    \/ \E s \in Sinks : ForgedHandle(s)
ListenerStep == \E c \in Calls : ListenerThrows(c) \/ CancelInCallback(c)

Next == ClientStep \/ ProviderStep \/ ListenerStep

\* Fairness: the client keeps cancelling a sink while it has calls pending. Nothing else is assumed;
\* in particular no provider is assumed to ever complete (SC-10 is about calls that never do).
Fairness == \A s \in Sinks : WF_vars(PendingOf(s) # {} /\ Cancel(s))
Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
(***************************************************************************)
(* The rules. Names match RULES.md: SCnn_<what>.                           *)
(***************************************************************************)

IsFinal(e) == e \in Finals
FinalCount(seq) == Len(SelectSeq(seq, IsFinal))

\* A step in which the client cancels sink s: from outside or from a callback. Judged by the sink the
\* step acts on (cancels), never inferred from what changed.
SinkCancelStep(s) == cancels'[s] # cancels[s]
\* The step leaves call c alone: its status, and what every listener heard of it.
Untouched(c) == status'[c] = status[c] /\ \A t \in Sinks : heard'[t][c] = heard[t][c]

\* (Each step property is the box of a named step predicate, so that a single step can be judged on
\* its own: the Java predicates of RuleChecks are compared with these on probe steps by TLC.)

\* A step in which the listener of call c fails (and the sink reports it).
ListenerFailStep(c) == ~faulted[c] /\ faulted'[c]

\* SC-01 scope-all: a step that cancels s ends every call of s pending before it; and only a step
\* that cancels a sink or in which a listener fails cancels a call at all (which calls such a step
\* may cancel is SC-02's and SC-15's business).
SC01_ScopeAllStep ==
    /\ \A s \in Sinks : SinkCancelStep(s) => \A c \in PendingOf(s) : status'[c] \in Finals
    /\ \A c \in Calls : status[c] = Pending /\ status'[c] = "cancelled" =>
          (\E s \in Sinks : SinkCancelStep(s)) \/ (\E d \in Calls : ListenerFailStep(d))
SC01_ScopeAll == [][SC01_ScopeAllStep]_vars

\* SC-02 never-others: a step that cancels s changes no call of another sink and no other sink's
\* registry, ...
SC02_NeverOthersStep ==
    \A s \in Sinks : SinkCancelStep(s) =>
        /\ \A c \in Calls : owner[c] # s => Untouched(c)
        /\ \A t \in Sinks \ {s} : registry'[t] = registry[t]
SC02_NeverOthers == [][SC02_NeverOthersStep]_vars
\* ... and no listener ever hears of a call of another sink.
SC02_OwnListenerOnly == \A s \in Sinks, c \in Calls : owner[c] # s => heard[s][c] = <<>>

\* SC-03 one final per call, last, and it matches the call's status.
SC03_OneFinalLast ==
    \A c \in Calls : owner[c] \in Sinks =>
        LET h == heard[owner[c]][c] IN
        IF status[c] \in Finals
        THEN /\ FinalCount(h) = 1
             /\ h[Len(h)] = status[c]
        ELSE FinalCount(h) = 0

\* SC-04 silent after cancel: nothing at all reaches the listener of a cancelled call.
\* What may still be in flight while cancel() runs in a real sink is the algorithm's business
\* (CancelAllAlgo: SC04_InFlight); at this level cancel is one atomic step.
SC04_SilentAfterCancelStep == \A c \in Calls : status[c] = "cancelled" => \A s \in Sinks : heard'[s][c] = heard[s][c]
SC04_SilentAfterCancel == [][SC04_SilentAfterCancelStep]_vars

\* SC-05 first final wins: a finished call is never touched again.
SC05_FinalIsForeverStep == \A c \in Calls : status[c] \in Finals => status'[c] = status[c]
SC05_FinalIsForever == [][SC05_FinalIsForeverStep]_vars

\* SC-06 no lost call: every begun call is bound to one sink and is either reachable by that sink's
\* cancel (in its registry) or finished.
SC06_NoLostCall ==
    \A c \in Calls : status[c] # Unborn =>
        /\ owner[c] \in Sinks
        /\ status[c] = Pending => c \in registry[owner[c]]

\* SC-07 idempotent: a cancel of a sink with nothing pending (idle, or cancelled already) changes
\* nothing but the count of cancels.
SC07_CancelIdempotentStep == \A s \in Sinks : SinkCancelStep(s) /\ PendingOf(s) = {} => UNCHANGED Contract
SC07_CancelIdempotent == [][SC07_CancelIdempotentStep]_vars

\* SC-08 reusable: a call that begins is live, whatever happened to its sink before.
SC08_FreshCallsLiveStep == \A c \in Calls : status[c] = Unborn /\ status'[c] # Unborn => status'[c] = Pending
SC08_FreshCallsLive == [][SC08_FreshCallsLiveStep]_vars

\* SC-09 (abstract part) every event is about one call and reaches that call's listener only: the
\* context tells calls apart. This is SC02_OwnListenerOnly under the rule's other name, checked once,
\* as SC-02. That callbacks of one call never overlap is a property of the algorithm
\* (CancelAllAlgo: SC09_SerialCallbacks); at this level every callback is atomic.
SC09_EventsCarryTheirCall == SC02_OwnListenerOnly

\* SC-10 calls that never end on their own end only by cancel ...
SC10_EndlessEndOnlyByCancel == \A c \in Endless : status[c] \in {Unborn, Pending, "cancelled"}
\* ... and then do end: under the fairness above, every pending call ends.
SC10_EveryCallEnds == \A c \in Calls : status[c] = Pending ~> status[c] \in Finals

\* SC-11 cancel never waits: Cancel(s) has no guard, so it is enabled in every state. That holds by
\* the definition of Cancel, so it is a theorem here, not a check; a cancel that waits is caught by
\* SC-10 at this level (a cancel that waits for silent providers never ends a subscription) and by
\* the algorithm's deadlock check (CancelAllAlgoWaits.cfg, where a listener waits for a running cancel).
SC11_CancelNeverWaits == \A s \in Sinks : ENABLED Cancel(s)
THEOREM Spec => []SC11_CancelNeverWaits

\* SC-12 the provider is told: at this level the provider's view of "cancelled" is the call's status
\* itself, so the rule holds by definition (a theorem, not a check). What the provider really reads
\* is the algorithm's business (CancelAllAlgo: SC12_ProviderTold, the formula of Call.isCancelled).
ProviderSeesCancelled(c) == status[c] = "cancelled"
SC12_ProviderTold == \A c \in Calls : ProviderSeesCancelled(c) <=> status[c] = "cancelled"
THEOREM Spec => []SC12_ProviderTold

\* SC-13 no retention: a sink references exactly its pending calls (every step here is atomic, so
\* "at once" is every state).
SC13_NoRetention == \A s \in Sinks : registry[s] = PendingOf(s)

\* SC-14 handles: a refused handle changes nothing. StaleHandle, ForeignHandle and ForgedHandle are
\* UNCHANGED vars by definition, and what could go wrong with them in a sink (a listener hearing a
\* call it does not own) is SC02_OwnListenerOnly, which this name stands for: checked once, as SC-02.
\* The kit checks against a real sink that each refused handle changed nothing (RuleChecks.step).
SC14_HandlesBound == SC02_OwnListenerOnly

\* SC-15 a listener's failure is reported (its call is cancelled and faulted says so), ...
SC15_FaultReported == \A c \in Calls : faulted[c] => status[c] = "cancelled"
\* ... and cancels that call only: the step in which c's listener fails leaves every other call alone.
SC15_OwnCallOnlyStep == \A c \in Calls : ListenerFailStep(c) => \A d \in Calls \ {c} : Untouched(d)
SC15_OwnCallOnly == [][SC15_OwnCallOnlyStep]_vars

\* SC-16 cancel from inside a callback takes effect: the step that cancels s from the callback of its
\* call c leaves s with no pending call, c included. CancelInCallback counts as a cancel of s, so this
\* is SC01_ScopeAll for that step: a theorem here, not a second check. Its checks with teeth are the
\* algorithm's (a cancel nested in a callback returns into it and never deadlocks) and the kit's.
SC16_CancelInCallbackTakesEffect ==
    [][\A c \in Calls : CancelInCallback(c) => PendingOf(owner[c])' = {}]_vars
THEOREM Spec => SC16_CancelInCallbackTakesEffect

=============================================================================
