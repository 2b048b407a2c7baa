--------------------------- MODULE CancelAllTrace ---------------------------
(***************************************************************************)
(* Trace validation at the API level: is a logged run of a real sink a     *)
(* behaviour of CancelAll.tla? The log (module TraceLog, generated from    *)
(* the NDJSON the recorder wrote) is a constant sequence Log of events in  *)
(* ticket order. A behaviour of this module consumes Log one event at a    *)
(* time (idx) while CancelAll's own variables take CancelAll's steps; a    *)
(* run is accepted iff some behaviour consumes the whole log and ends      *)
(* with every event the spec appended delivered (Accepted). TLC searches   *)
(* for it over every linearization the log allows, and "accepted" *)
(* is TLC printing it (Witness).                                          *)
(*                                                                         *)
(* What the log can and cannot show, and how each gap is closed:           *)
(*  - An operation is two events, its invocation and its return. Its       *)
(*    linearization point (LP) is a hidden step (Linearize) that TLC may   *)
(*    place anywhere between them: the LP is one CancelAll action chosen   *)
(*    by what the sink answered (the generator copies the answer onto the  *)
(*    invocation). Tickets order events as happens-before does (docs/      *)
(*    trace.md), so an operation that returned before another was invoked  *)
(*    linearizes first: exactly the freedom linearizability allows.        *)
(*  - A listener callback (cb) is the delivery of the next event the spec  *)
(*    has appended to heard for that call, on the listener of the call's   *)
(*    own sink, while no other callback of the call runs. So onCancelled   *)
(*    arrives after the abstract Cancel step, one call at a time, and a    *)
(*    callback the spec never appended (a second final, an object after    *)
(*    cancel, another sink's call) is unexplained.                         *)
(*  - A batch (deliverAll) of n objects takes up to n Deliver steps; a     *)
(*    refused one stops with the call final (or foreign, forged, busy).    *)
(*  - A listener that throws from an object callback: the deliver's step   *)
(*    is CancelAll's ListenerThrows; the cbEnd event says whether it threw.*)
(*  - A cancel from inside a callback is a Cancel step while that callback *)
(*    runs (CancelInCallback is the same two steps taken at once).         *)
(*  - quiet: the workload claims no call is pending and nothing runs; the  *)
(*    spec must agree. Segments of a long log start at these points.       *)
(* Left out (docs/trace.md): refused begins, retries and "busy" refusals   *)
(* beyond "another signal of the call is in flight", endless calls (a log  *)
(* does not say which calls are endless), throws from progress callbacks,  *)
(* and the SC-04 window after cancel() returns (onCancelled may arrive any *)
(* time after the Cancel step here; the stress arbiter and the soak bound  *)
(* it).                                                                    *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC, TraceLog

VARIABLES owner, status, heard, registry, faulted, cancels,   \* CancelAll's, unchanged in meaning
          seg,        \* which segment of the log this behaviour explains (fixed by the initial state)
          idx,        \* how many events of Log are explained
          ops,        \* open operations: a set of [k |-> invocation index, n |-> objects done, lp |-> LP taken]
          delivered,  \* per call: how many events of heard[owner[c]][c] its callbacks have started
          running,    \* per call: the thread inside one of its callbacks, or 0
          throwAt,    \* per call: the position in heard of the object whose callback must throw, or 0
          unreported  \* per call: listener throws not yet reported by the sink (SC-15)

traceVars == <<seg, idx, ops, delivered, running, throwAt, unreported>>
specVars == <<owner, status, heard, registry, faulted, cancels>>

(***************************************************************************)
(* One TLC run checks several independent segments of a log (cut at quiet *)
(* points, so that no call spans two): TraceLog defines Logs and Priors,   *)
(* one entry per segment, each with its calls renamed c1, c2, ... so that  *)
(* LogCalls serves them all; seg is chosen by the initial state.           *)
(***************************************************************************)
Log == Logs[seg]
Prior == Priors[seg]

\* No segment delivers more signals to one call than it has events (MaxLen: the longest segment).
CA == INSTANCE CancelAll WITH Sinks <- LogSinks, Calls <- LogCalls, Endless <- {}, MaxSignals <- MaxLen

SignalOps == {"object", "progress"}
Forged == "forged"

\* A segment starts from CancelAll's Init, with the calls of earlier segments it still mentions (only
\* through stale handles) already ended: a reachable state of CancelAll (Begin, then their final).
TraceInit ==
    /\ seg \in 1..Len(Logs)
    /\ owner = [c \in LogCalls |-> IF c \in DOMAIN Prior THEN Prior[c].sink ELSE CA!NoSink]
    /\ status = [c \in LogCalls |-> IF c \in DOMAIN Prior THEN Prior[c].final ELSE CA!Unborn]
    /\ heard = [s \in LogSinks |-> [c \in LogCalls |->
                  IF c \in DOMAIN Prior /\ Prior[c].sink = s THEN <<Prior[c].final>> ELSE <<>>]]
    /\ registry = [s \in LogSinks |-> {}]
    /\ faulted = [c \in LogCalls |-> FALSE]
    /\ cancels = [s \in LogSinks |-> 0]
    /\ idx = 0
    /\ ops = {}
    /\ delivered = [c \in LogCalls |-> IF c \in DOMAIN Prior THEN 1 ELSE 0]
    /\ running = [c \in LogCalls |-> 0]
    /\ throwAt = [c \in LogCalls |-> 0]
    /\ unreported = [c \in LogCalls |-> 0]
    /\ TLCSet(seg, 0)   \* the longest explained prefix of this segment so far (Track)

Heard(c) == heard[owner[c]][c]
Begun(c) == owner[c] # CA!NoSink
\* Another signal or final of call c is in flight (an open operation other than k, or a callback):
\* what the sink's "busy" refusal (SC-09) answers.
Busy(c, k) == running[c] # 0 \/ \E o \in ops : o.k # k /\ Log[o.k].c = c /\ Log[o.k].op \in SignalOps \cup {"complete", "fail"}

\* A refused signal, complete or fail changes nothing. Its reason is a handle the sink did not issue
\* (SC-14), a call already ended (stale), or a call busy with another signal. The first two are
\* stable (a final is forever, an owner never changes, a forged handle stays forged): true at some
\* point of the operation's interval iff true at its return, so the Return step checks them itself
\* and TLC does not place a step that changes nothing anywhere in the interval (a doubling of the
\* states per open operation). Busy is not stable: its refusal takes a step of its own (Linearize).
RefusedForGood(e) ==
    \/ e.c = Forged
    \/ e.c \in LogCalls /\ Begun(e.c) /\ (status[e.c] \in CA!Finals \/ owner[e.c] # e.s)
RefusedBusy(e, k) == e.c \in LogCalls /\ Begun(e.c) /\ status[e.c] = CA!Pending /\ owner[e.c] = e.s /\ Busy(e.c, k)
\* An operation that returns refused for good: its refusal is its return (see above).
IsRefusal(o) ==
    LET e == Log[o.k] IN
    e.op \in SignalOps \cup {"complete", "fail"} /\ ~e.ok /\ ~e.threw

\* What the provider may be told of call e.c at the LP of its "told" k (SC-12): "cancelled" only of a
\* cancelled call; of a cancelled call, "not cancelled" only while another signal, final or callback of
\* it is in flight, as CancelAllAlgo's SC12_ProviderTold allows (a call a thread holds is told when its
\* holder lets go; that thread is inside an operation or callback of the call, so the trace shows it).
Told(e, k) == IF e.ok THEN status[e.c] = "cancelled" ELSE status[e.c] # "cancelled" \/ Busy(e.c, k)

OwnHandle(e) == e.c \in LogCalls /\ Begun(e.c) /\ owner[e.c] = e.s

\* (A set of records, not a function with a growing domain: TLC would chain @@ lazily, state after state.)
Set(o, n, lp) == ops' = (ops \ {o}) \cup {[k |-> o.k, n |-> n, lp |-> lp]}
TakeLP(o) == Set(o, o.n, TRUE)
KeepTrace == UNCHANGED <<seg, idx, delivered, running, throwAt, unreported>>

\* The hidden LP step of open operation o: one CancelAll action, chosen by what the sink answered.
Linearize(o) ==
    LET k == o.k
        e == Log[k] IN
    /\ ~o.lp
    /\ ~e.threw
    /\ \/ e.op = "begin" /\ CA!Begin(e.s, e.c) /\ TakeLP(o) /\ KeepTrace
       \/ e.op = "cancel" /\ CA!Cancel(e.s) /\ TakeLP(o) /\ KeepTrace
       \/ e.op = "complete" /\ e.ok /\ OwnHandle(e) /\ CA!Complete(e.c) /\ TakeLP(o) /\ KeepTrace
       \/ e.op = "fail" /\ e.ok /\ OwnHandle(e) /\ CA!Fail(e.c) /\ TakeLP(o) /\ KeepTrace
       \/ e.op \in SignalOps /\ OwnHandle(e) /\ o.n < e.n
          /\ \/ e.op = "object" /\ CA!Deliver(e.c) /\ UNCHANGED throwAt
             \/ e.op = "progress" /\ CA!Progress(e.c) /\ UNCHANGED throwAt
             \/ e.op = "object" /\ CA!ListenerThrows(e.c)
                /\ throwAt' = [throwAt EXCEPT ![e.c] = Len(Heard(e.c)) + 1]
          /\ Set(o, o.n + 1, e.ok /\ o.n + 1 = e.n)
          /\ UNCHANGED <<seg, idx, delivered, running, unreported>>
       \/ e.op \in SignalOps \cup {"complete", "fail"} /\ ~e.ok /\ o.n = 0 /\ RefusedBusy(e, k)
          /\ TakeLP(o) /\ UNCHANGED specVars /\ KeepTrace
       \/ e.op = "pending" /\ Cardinality(registry[e.s]) = e.n /\ TakeLP(o) /\ UNCHANGED specVars /\ KeepTrace
       \/ e.op = "told" /\ e.c \in LogCalls /\ Told(e, k)
          /\ TakeLP(o) /\ UNCHANGED specVars /\ KeepTrace

\* A begin that threw began nothing: its LP changes nothing (refused begins are not modelled further).
RefusedBegin(o) ==
    /\ ~o.lp /\ Log[o.k].op = "begin" /\ Log[o.k].threw
    /\ TakeLP(o) /\ UNCHANGED specVars /\ KeepTrace

-----------------------------------------------------------------------------
(* Steps that explain the next event of the log, Log[idx + 1]. *)

Next1 == Log[idx + 1]
Consume == idx' = idx + 1 /\ UNCHANGED seg

Invoke ==
    /\ Next1.k = "inv"
    /\ ops' = ops \cup {[k |-> idx + 1, n |-> 0, lp |-> FALSE]}
    /\ Consume /\ UNCHANGED <<delivered, running, throwAt, unreported>> /\ UNCHANGED specVars

Return ==
    /\ Next1.k = "ret"
    /\ \E o \in ops :
          /\ o.k = Next1.m
          \* its LP taken, or refused for good now (a batch cut short after some objects: by the call's final)
          /\ \/ o.lp
             \/ ~o.lp /\ IsRefusal(o) /\ RefusedForGood(Log[o.k]) /\ (o.n > 0 => status[Log[o.k].c] \in CA!Finals)
          /\ ops' = ops \ {o}
    /\ Consume /\ UNCHANGED <<delivered, running, throwAt, unreported>> /\ UNCHANGED specVars

\* A callback starts: the next undelivered event of its call, on its own sink's listener, alone.
CallbackStart ==
    LET e == Next1 IN
    /\ e.k = "cb"
    /\ e.c \in LogCalls /\ Begun(e.c) /\ owner[e.c] = e.s
    /\ running[e.c] = 0
    /\ delivered[e.c] < Len(Heard(e.c))
    /\ Heard(e.c)[delivered[e.c] + 1] = e.ev
    /\ delivered' = [delivered EXCEPT ![e.c] = @ + 1]
    /\ running' = [running EXCEPT ![e.c] = e.t]
    /\ Consume /\ UNCHANGED <<ops, throwAt, unreported>> /\ UNCHANGED specVars

\* A callback ends, having thrown exactly when the spec's ListenerThrows said it would. A throw from a
\* final callback changes nothing in CancelAll, so it is allowed (and must be reported).
CallbackEnd ==
    LET e == Next1
        at == delivered[e.c] IN
    /\ e.k = "cbEnd"
    /\ e.c \in LogCalls /\ running[e.c] = e.t
    /\ (Heard(e.c)[at] \notin CA!Finals => e.threw = (at = throwAt[e.c]))
    /\ running' = [running EXCEPT ![e.c] = 0]
    /\ unreported' = [unreported EXCEPT ![e.c] = @ + (IF e.threw THEN 1 ELSE 0)]
    /\ Consume /\ UNCHANGED <<ops, delivered, throwAt>> /\ UNCHANGED specVars

\* The sink reports a listener's throw (SC-15): only a throw that happened, once.
Report ==
    LET e == Next1 IN
    /\ e.k = "report"
    /\ e.c \in LogCalls /\ unreported[e.c] > 0
    /\ unreported' = [unreported EXCEPT ![e.c] = @ - 1]
    /\ Consume /\ UNCHANGED <<ops, delivered, running, throwAt>> /\ UNCHANGED specVars

\* Nothing runs, nothing is pending, and every event the spec appended has been heard.
Settled ==
    /\ ops = {}
    /\ \A c \in LogCalls : /\ status[c] # CA!Pending
                           /\ running[c] = 0
                           /\ unreported[c] = 0
                           /\ Begun(c) => delivered[c] = Len(Heard(c))

Quiet ==
    /\ Next1.k = "quiet"
    /\ Settled
    /\ Consume /\ UNCHANGED <<ops, delivered, running, throwAt, unreported>> /\ UNCHANGED specVars

TraceNext ==
    \/ idx < Len(Log) /\ (Invoke \/ Return \/ CallbackStart \/ CallbackEnd \/ Report \/ Quiet)
    \/ \E o \in ops : Linearize(o) \/ RefusedBegin(o)

\* The whole log explained, and nothing the spec appended left unheard. (Calls may still be pending
\* at the end of a log that does not end quiet.)
Accepted ==
    /\ idx = Len(Log)
    /\ ops = {}
    /\ \A c \in LogCalls : running[c] = 0 /\ unreported[c] = 0 /\ (Begun(c) => delivered[c] = Len(Heard(c)))

(***************************************************************************)
(* How TLC reports (the configuration's two CONSTRAINTs; both are always   *)
(* TRUE and only print). TLC 2.18 has no ALIAS and no POSTCONDITION, and   *)
(* an invariant ~Accepted would print a witness behaviour as long as the   *)
(* log, so the verdict is printed instead: "accepted" when a state explains*)
(* the whole log, and each new longest explained prefix (a TLCSet        *)
(* register) so that a rejected log's first unexplained event is known    *)
(* (register seg: one per segment).                                        *)
(***************************************************************************)
Track == IF idx > TLCGet(seg) THEN TLCSet(seg, idx) /\ PrintT(<<"explained", seg, idx>>) ELSE TRUE
Witness == Accepted => PrintT(<<"accepted", seg>>)
=============================================================================
