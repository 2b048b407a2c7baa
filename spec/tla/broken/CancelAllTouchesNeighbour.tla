--------------------- MODULE CancelAllTouchesNeighbour ---------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the CI configuration catches it.     *)
(*                                                                         *)
(* The classic cancel-all bug (see peers.md): the sink keeps its pending   *)
(* calls in one process-wide registry, so cancel() of one sink sweeps the  *)
(* pending calls of every sink. Each call it touches is ended properly     *)
(* (status, final event, registry), so no state invariant notices; only    *)
(* the step property SC02_NeverOthers does. Expected: TLC reports          *)
(* SC02_NeverOthers after "begin a call on each sink, cancel one sink".    *)
(*                                                                         *)
(* Check with CancelAll.cfg and SPECIFICATION BrokenSpec.                  *)
(***************************************************************************)
EXTENDS CancelAll

AllPending == {c \in Calls : status[c] = Pending}

\* Cancel(s) over a shared registry: every pending call of every sink ends.
CancelTouchingNeighbour(s) ==
    /\ status' = [c \in Calls |-> IF c \in AllPending THEN "cancelled" ELSE status[c]]
    /\ heard' = [t \in Sinks |-> [c \in Calls |->
                    IF c \in AllPending /\ owner[c] = t THEN Append(heard[t][c], "cancelled") ELSE heard[t][c]]]
    /\ registry' = [t \in Sinks |-> {}]
    /\ CountsCancel(s)
    /\ UNCHANGED <<owner, faulted>>

\* The real Next with Cancel(s) swapped for the broken one.
BrokenNext ==
    \/ \E s \in Sinks : (\E c \in Calls : Begin(s, c)) \/ CancelTouchingNeighbour(s)
    \/ ProviderStep
    \/ ListenerStep

BrokenSpec == Init /\ [][BrokenNext]_vars /\ \A s \in Sinks : WF_vars(PendingOf(s) # {} /\ CancelTouchingNeighbour(s))
=============================================================================
