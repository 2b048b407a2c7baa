-------------------------- MODULE SlotAllocatorPlainClaim --------------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the allocator's checks have teeth.   *)
(*                                                                         *)
(* A claim with plain accesses, a read of the slot and then a write, as    *)
(* the earlier allocator popped the owner's free list: two threads that   *)
(* take that path at once (two threads whose getId() is the owner's) both *)
(* see the slot free and both write it; the first call's slot then holds  *)
(* the second, so ending one unlinks the other and a cancel misses it.     *)
(* Expected: NoSlotHeldTwice.                                              *)
(* Check with broken/alloc/SlotAllocatorBroken.cfg.                        *)
(***************************************************************************)
EXTENDS SlotAllocator

VARIABLE target  \* the slot a thread read as free and is about to write

\* `if (slots[j] == null)`, a plain read.
PlainRead(t, i) ==
    /\ pc[t] = "probe" /\ i < pcap[t] /\ i \notin probed[t]
    /\ IF slot[i] = Free
       THEN pc' = [pc EXCEPT ![t] = "write"] /\ target' = [target EXCEPT ![t] = i] /\ UNCHANGED probed
       ELSE probed' = [probed EXCEPT ![t] = @ \cup {i}] /\ UNCHANGED <<pc, target, frontier>>
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, dropped, made, tcall, pcap, snap, k, dpc, dcap, dnext, visited, peak>>

\* `slots[j] = element`, a plain write, whatever is there now.
PlainWrite(t) ==
    /\ pc[t] = "write"
    /\ slot' = [slot EXCEPT ![target[t]] = tcall[t]] /\ home' = [home EXCEPT ![tcall[t]] = target[t]]
    /\ pc' = [pc EXCEPT ![t] = "raise"] /\ RaisePeak /\ Forget(t)
    /\ UNCHANGED <<cap, frontier, status, closed, dropped, made, tcall, dpc, dcap, dnext, visited, target>>

BrokenNext ==
    \/ NextReplacing(LAMBDA t : \E i \in Slots : Probe(t, i), LAMBDA t : FALSE) /\ UNCHANGED target
    \/ \E t \in Threads : (\E i \in Slots : PlainRead(t, i)) \/ PlainWrite(t)

BrokenSpec == Init /\ target = [t \in Threads |-> NoSlot] /\ [][BrokenNext]_<<vars, target>>
=============================================================================
