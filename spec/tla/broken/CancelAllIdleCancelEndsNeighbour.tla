------------------ MODULE CancelAllIdleCancelEndsNeighbour ------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the CI configuration catches it.     *)
(*                                                                         *)
(* A cancel that finds its own sink idle falls through to the calls of the *)
(* others (a lookup that defaults to "all"). Its effect on an idle s1 is   *)
(* exactly that of Cancel(s2), so a check that infers the cancelling sink  *)
(* from what changed sees s2's own cancel; judged by the sink it acts on   *)
(* (cancels), it ends another sink's calls.                                *)
(* Expected: SC02_NeverOthers at two sinks.                                *)
(* Check with CancelAll.cfg and SPECIFICATION BrokenSpec.                  *)
(***************************************************************************)
EXTENDS CancelAll

AllPending == {c \in Calls : status[c] = Pending}

CancelFallingThrough(s) ==
    IF PendingOf(s) # {} THEN Cancel(s)
    ELSE /\ status' = [c \in Calls |-> IF c \in AllPending THEN "cancelled" ELSE status[c]]
         /\ heard' = [t \in Sinks |-> [c \in Calls |->
                         IF c \in AllPending /\ owner[c] = t THEN Append(heard[t][c], "cancelled") ELSE heard[t][c]]]
         /\ registry' = [t \in Sinks |-> {}]
         /\ CountsCancel(s)
         /\ UNCHANGED <<owner, faulted>>

BrokenNext ==
    \/ \E s \in Sinks : (\E c \in Calls : Begin(s, c)) \/ CancelFallingThrough(s)
    \/ ProviderStep
    \/ ListenerStep

BrokenSpec == Init /\ [][BrokenNext]_vars /\ \A s \in Sinks : WF_vars(PendingOf(s) # {} /\ CancelFallingThrough(s))
=============================================================================
