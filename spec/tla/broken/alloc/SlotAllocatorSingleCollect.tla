------------------------ MODULE SlotAllocatorSingleCollect ------------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the double collect is needed.        *)
(*                                                                         *)
(* A probe that read every slot occupied doubles the stripe at once. But  *)
(* it read the slots at different times: a thread that ends its call and  *)
(* begins the next just ahead of the probe makes a stripe with one call   *)
(* pending look full, again and again.                                     *)
(* Expected: CapacityBound.                                                *)
(* Check with broken/alloc/SlotAllocatorBroken.cfg.                        *)
(***************************************************************************)
EXTENDS SlotAllocator

\* Stripe.claim going straight to the directory's CAS after one failed probe.
GrowAfterOneProbe(t) ==
    /\ pc[t] = "probe" /\ probed[t] = 0 .. pcap[t] - 1
    /\ pc' = [pc EXCEPT ![t] = "grow"]
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, dropped, made, tcall, pcap, probed, snap, k, dpc, dcap, dnext, visited, peak>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : ProbeFull(t), GrowAfterOneProbe)]_vars
=============================================================================
