------------------- MODULE CancelAllAlgoBatchSkipsRecheck -------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the batch's re-check has teeth.     *)
(*                                                                         *)
(* deliverAll checks current once, after its claim, and then runs every   *)
(* object's callback in a row, as if a batch found open stayed open: a     *)
(* cancel that closes the generation while the first object's callback     *)
(* runs is not seen, and the second object reaches the listener after the  *)
(* cancel's linearization point. Single deliveries keep their check, so   *)
(* only a batch of two or more breaks (CancelAllAlgo.cfg has MaxBatch = 2). *)
(* Expected: SC04_SilentAfterCancel.                                       *)
(* Check with CancelAllAlgo.cfg and SPECIFICATION BrokenSpec.              *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* ReferenceSink.deliverAll without `if (current != generation)` before its second and later objects.
NextObjectWithoutCheck(t) ==
    /\ pc[t] = "callback" /\ tleft[t] > 0
    /\ heard' = [heard EXCEPT ![tcall[t]] = Append(@, "object")]
    /\ tleft' = [tleft EXCEPT ![t] = @ - 1]
    /\ UNCHANGED <<current, owner, gen, state, linked, faulted, idleCancels, pc, tcall, tkind, csink, cgen, cmust, cseen, fcall>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "callback" /\ tleft[t] > 0, NextObjectWithoutCheck)]_vars
=============================================================================
