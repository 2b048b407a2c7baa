----------------------- MODULE SlotAllocatorOwnerKeepsForeignSlots -----------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: the earlier owner-free-list allocator, kept to    *)
(* prove the bound has teeth.                                              *)
(*                                                                         *)
(* The stripe's owner (the thread that created it) keeps every slot it     *)
(* frees on a private list that only its own begins take from, including  *)
(* slots other threads reserved; the others, finding no free slot they may *)
(* take, take a fresh index (the capacity grows by one, no double          *)
(* collect). An owner that completes what other threads begin (an event   *)
(* loop) makes the stripe grow for ever with one call pending.             *)
(* Expected: CapacityBound.                                                *)
(* Check with broken/alloc/SlotAllocatorBroken.cfg.                        *)
(***************************************************************************)
EXTENDS SlotAllocator

VARIABLE kept  \* slots on the owner's private list

Owner == CHOOSE t \in Threads : TRUE

\* Stripe.remove on the owner's thread: `next[index] = ownFree; ownFree = index + 1`.
OwnerEnd(c) == /\ End(c) /\ kept' = IF Stored(c) THEN kept \cup {home[c]} ELSE kept
OtherEnd(c) == End(c) /\ UNCHANGED kept

\* Stripe.reserve: a thread other than the owner cannot take a slot on the owner's list.
ProbeOld(t, i) ==
    /\ pc[t] = "probe" /\ i < pcap[t] /\ i \notin probed[t]
    /\ IF slot[i] = Free /\ (i \notin kept \/ t = Owner)
       THEN /\ slot' = [slot EXCEPT ![i] = tcall[t]] /\ home' = [home EXCEPT ![tcall[t]] = i]
            /\ pc' = [pc EXCEPT ![t] = "raise"] /\ RaisePeak /\ Forget(t)
            /\ kept' = kept \ {i}
       ELSE /\ probed' = [probed EXCEPT ![t] = @ \cup {i}]
            /\ UNCHANGED <<slot, home, pc, peak, pcap, snap, k, kept, frontier>>
    /\ UNCHANGED <<cap, frontier, status, closed, dropped, made, tcall, dpc, dcap, dnext, visited>>

\* Stripe.fresh: `RESERVED.getAndAdd(this, 1)`, a never-used index, at once.
Fresh(t) ==
    /\ pc[t] = "probe" /\ probed[t] = 0 .. pcap[t] - 1 /\ cap < MaxCapacity
    /\ cap' = cap + 1 /\ Restart(t)
    /\ UNCHANGED <<slot, status, home, closed, dropped, made, tcall, dpc, dcap, dnext, visited, peak, kept, frontier>>

OldThreadStep(t) ==
    \/ \E c \in Calls : BeginStart(t, c) /\ UNCHANGED kept
    \/ \E i \in Slots : ProbeOld(t, i)
    \/ Fresh(t)
    \/ (MakeCheck(t) \/ Install(t) \/ ProbeDrained(t) \/ RaiseFrontier(t) \/ Recheck(t) \/ SelfCancel(t)) /\ UNCHANGED kept

BrokenNext ==
    \/ \E t \in Threads : OldThreadStep(t)
    \/ \E c \in Calls : OwnerEnd(c) \/ OtherEnd(c)
    \/ (Close \/ DrainRead \/ DrainSkipsStripe \/ DrainFront \/ Visit \/ Drop \/ Rest) /\ UNCHANGED kept

BrokenSpec == Init /\ kept = {} /\ [][BrokenNext]_<<vars, kept>>
=============================================================================
