---------------------- MODULE CancelAllCompleteRetains ----------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the CI configuration catches it.     *)
(*                                                                         *)
(* A sink that forgets to unlink a call that completes: the listener hears *)
(* "completed" and the status is right, but the sink still references the *)
(* finished call (a leak, and a later Cancel(s) would sweep a dead call).  *)
(* Expected: TLC reports SC13_NoRetention after "begin, complete".         *)
(*                                                                         *)
(* Check with CancelAll.cfg and SPECIFICATION BrokenSpec.                  *)
(***************************************************************************)
EXTENDS CancelAll

\* Complete(c) without Ends(c, _)'s registry update.
CompleteRetaining(c) ==
    /\ status[c] = Pending /\ c \notin Endless
    /\ status' = [status EXCEPT ![c] = "completed"]
    /\ heard' = Hears(c, "completed")
    /\ UNCHANGED <<owner, registry, faulted, cancels>>

\* The real Next with Complete(c) swapped for the broken one. (The refused-handle self-loops are
\* left out: they change nothing, so they cannot matter to this bug.)
BrokenNext ==
    \/ ClientStep
    \/ \E c \in Calls : Deliver(c) \/ Progress(c) \/ CompleteRetaining(c) \/ Fail(c)
    \/ ListenerStep

BrokenSpec == Init /\ [][BrokenNext]_vars /\ Fairness
=============================================================================
