--------------------- MODULE CancelAllThrowCancelsSink ---------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the CI configuration catches it.     *)
(*                                                                         *)
(* A listener that throws gets its error reported, and the sink cancels    *)
(* every pending call of its own instead of that call only. Each call ends *)
(* once, the faulted one cancelled, no other sink touched: only the rule   *)
(* that a throw cancels its own call only notices.                         *)
(* Expected: SC15_OwnCallOnly.                                             *)
(* Check with CancelAll.cfg and SPECIFICATION BrokenSpec.                  *)
(***************************************************************************)
EXTENDS CancelAll

ThrowCancellingSink(c) ==
    /\ CanSignal(c)
    /\ LET s == owner[c]
           withObject == [heard EXCEPT ![s][c] = Append(@, "object")]
       IN /\ status' = CancelledStatus(s)
          /\ heard' = [withObject EXCEPT ![s] = [d \in Calls |->
                         IF d \in PendingOf(s) THEN Append(@[d], "cancelled") ELSE @[d]]]
          /\ registry' = [registry EXCEPT ![s] = {}]
          /\ faulted' = [faulted EXCEPT ![c] = TRUE]
          /\ UNCHANGED <<owner, cancels>>

BrokenNext ==
    \/ ClientStep
    \/ ProviderStep
    \/ \E c \in Calls : ThrowCancellingSink(c) \/ CancelInCallback(c)

BrokenSpec == Init /\ [][BrokenNext]_vars /\ Fairness
=============================================================================
