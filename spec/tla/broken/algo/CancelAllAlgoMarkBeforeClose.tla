------------------ MODULE CancelAllAlgoMarkBeforeClose --------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the algorithm's checks have teeth.   *)
(*                                                                         *)
(* cancel sweeps (marks) the calls of the open generation first and swaps  *)
(* the registry only when it returns. A begin that publishes behind the    *)
(* sweep re-checks, finds the generation still open, and returns a live    *)
(* call; the late swap then closes its generation with nobody to end it.   *)
(* Before that, the sweep ends calls that the still-open registry goes on  *)
(* referencing. Expected: SC13_NoRetention (first, in TLC's breadth-first  *)
(* order), then SC06_NoLostCall.                                           *)
(* Check with CancelAllAlgo.cfg and SPECIFICATION BrokenSpec.              *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* ReferenceSink.cancel starting its sweep of `current` without the getAndSet ...
MarkFirst(t, s) ==
    /\ \/ pc[t] = "idle"
       \/ pc[t] = "callback" /\ csink[t] = NoSink
    /\ HasPending(s) \/ idleCancels[s] < MaxIdleCancels
    /\ idleCancels' = [idleCancels EXCEPT ![s] = IF HasPending(s) THEN @ ELSE @ + 1]
    /\ csink' = [csink EXCEPT ![t] = s]
    /\ cgen' = [cgen EXCEPT ![t] = current[s]]
    /\ cmust' = [cmust EXCEPT ![t] = Registry(s, current[s])]
    /\ Goto(t, "sweep")
    /\ UNCHANGED <<algo, tcall, tkind, tleft, cseen, fcall>>

\* ... and swapping the registry after the sweep.
CloseLast(t) ==
    /\ CancelReturn(t)!1 /\ CancelReturn(t)!2 /\ CancelReturn(t)!3 /\ CancelReturn(t)!4
    /\ current' = [current EXCEPT ![csink[t]] = @ + 1]
    /\ csink' = [csink EXCEPT ![t] = NoSink]
    /\ cgen' = [cgen EXCEPT ![t] = 0]
    /\ cmust' = [cmust EXCEPT ![t] = {}]
    /\ cseen' = [cseen EXCEPT ![t] = {}]
    /\ UNCHANGED <<owner, gen, state, heard, faulted, idleCancels, tcall, tkind, tleft, fcall>>

BrokenSpec == Init /\ [][NextReplacing(
    LAMBDA t : \/ pc[t] \in {"idle", "callback"} /\ pc'[t] = "sweep"
               \/ pc[t] = "sweep" /\ pc'[t] \in {"idle", "callback"},
    LAMBDA t : (\E s \in Sinks : MarkFirst(t, s)) \/ CloseLast(t))]_vars
=============================================================================
