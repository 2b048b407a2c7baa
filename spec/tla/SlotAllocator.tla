---------------------------- MODULE SlotAllocator ----------------------------
(***************************************************************************)
(* The reference sink's slot allocator (reference/.../Stripe.java,         *)
(* Chunk.java, Registry.java) at the granularity of its atomic memory      *)
(* steps: one stripe of one registry generation, threads that begin calls  *)
(* (probe, claim by CAS, grow by double collect, re-check the close), any  *)
(* thread ending any live call (one store of null), and the cancel that    *)
(* closes the generation and drains it (reads the directory and the       *)
(* frontier, visits every slot below it, drops them all).                  *)
(*                                                                         *)
(* What CancelAllAlgo.tla assumes of this storage, and TLC checks here:    *)
(*  - NoSlotHeldTwice: a stored call stays in its own slot until it ends  *)
(*    (claims never hand one slot to two calls, ends clear only their own *)
(*    slot), so "linked or not" is a property of the call alone;          *)
(*  - DrainVisitsEveryLiveCall: when the drain is done, it has visited    *)
(*    every call whose begin returned it live and that has not ended      *)
(*    (CancelAllAlgo's CancelReturn guard), and every call stored but not *)
(*    visited is still in a begin that re-checks after the close;         *)
(*  - CapacityBound: the stripe's capacity is at most max(1, 2 * peak),   *)
(*    peak the most calls stored at one instant (a chunk is one slot      *)
(*    here; in Java capacity <= max(256, 2 * peak)).                      *)
(*                                                                         *)
(* Modelling choices. A probe visits the slots of the directory it read in *)
(* any order (the Java hint is only a start index: every order is one of *)
(* these). A probe's read and CAS of one slot are one step: a CAS that    *)
(* fails is the same as reading the slot occupied. The slot arrays        *)
(* outlive the drop (in Java, a claim that read an array before the drop  *)
(* stores into it after; one that reads it after stores nothing): both    *)
(* are steps here. The stripe is made by the first begin on it, after it  *)
(* read the generation open (MakeCheck, Install); a drain that finds no    *)
(* stripe skips it and writes nothing (DrainSkipsStripe), so a stripe made *)
(* after that read holds calls whose begins see the close. Memory is       *)
(* sequentially consistent: the Java accesses that these steps stand for  *)
(* are volatile reads, volatile or CAS writes, and release stores (of     *)
(* null into a slot, of the drained marker by the drop) whose readers     *)
(* handle a stale value: a claim that still reads the array after the     *)
(* drop is the claim-after-the-drop step above, whose begin's re-check    *)
(* follows its CAS (Stripe's and Chunk's implementation notes).           *)
(*                                                                         *)
(* TLC 2.18, SlotAllocator.cfg (2 threads, 4 calls, capacity up to 8,     *)
(* thread and call symmetry): 133,348 distinct states, depth 65, 16 s on   *)
(* the 2-core build machine. Broken variants (spec/tla/broken/alloc):      *)
(* OwnerKeepsForeignSlots, CapacityBound in a 10-state trace (2,965        *)
(* states); PlainClaim, NoSlotHeldTwice in 9 (1,668); SingleCollect,       *)
(* CapacityBound in 21 (4,492). Each trace begins by making the stripe.    *)
(***************************************************************************)
EXTENDS Integers, FiniteSets, TLC

CONSTANTS Threads, Calls, MaxCapacity

ASSUME MaxCapacity \in Nat /\ MaxCapacity >= 1

Slots == 0 .. MaxCapacity - 1
Free == "free"
NoCall == "none"
NoSlot == -1
Max(a, b) == IF a >= b THEN a ELSE b

VARIABLES
    slot,     \* [Slots -> Calls \cup {Free}]    the slot arrays (Chunk.slots)
    cap,      \* the directory's capacity        Stripe.directory.length * 256
    frontier, \* one past the highest slot ever claimed (Stripe.frontier)
    status,   \* [Calls -> ...]                  "unborn", "begin" (inside begin), "live", "ended"
    home,     \* [Calls -> Slots \cup {NoSlot}]  where the call was stored (its chunk and index)
    closed,   \* the sink's cancel closed this generation (Registry.closed)
    dropped,  \* the drain dropped the slots (Chunk.drop, Stripe.drop)
    made,     \* the stripe exists (Registry.stripes[s] holds it): made by the first begin on it
    pc,       \* [Threads -> ...]
    tcall,    \* [Threads -> Calls \cup {NoCall}] the call the thread is beginning
    pcap,     \* [Threads -> Nat]                 the capacity of the directory its probe read
    probed,   \* [Threads -> SUBSET Slots]        slots its probe found occupied
    snap,     \* [Threads -> [Slots -> Calls \cup {Free}]] the double collect's first pass
    k,        \* [Threads -> Nat]                 the double collect's position
    dpc,      \* the drain: "open", "read", "visit", "done"
    dcap,     \* the slots the drain visits: the directory it read, cut at the frontier it read
    dnext,    \* the next slot the drain visits
    visited,  \* the calls the drain visited
    peak      \* history: the most slots occupied at one instant

vars == <<slot, cap, frontier, status, home, closed, dropped, made, pc, tcall, pcap, probed, snap, k, dpc, dcap, dnext, visited, peak>>

Occupied == {i \in Slots : slot[i] # Free}
Stored(c) == home[c] # NoSlot
Pcs == {"idle", "make", "install", "probe", "collect1", "collect2", "grow", "raise", "recheck", "selfcancel"}

TypeOK ==
    /\ slot \in [Slots -> Calls \cup {Free}] /\ cap \in 1 .. MaxCapacity /\ frontier \in 0 .. MaxCapacity
    /\ status \in [Calls -> {"unborn", "begin", "live", "ended"}] /\ home \in [Calls -> Slots \cup {NoSlot}]
    /\ closed \in BOOLEAN /\ dropped \in BOOLEAN /\ made \in BOOLEAN
    /\ pc \in [Threads -> Pcs] /\ tcall \in [Threads -> Calls \cup {NoCall}]
    /\ pcap \in [Threads -> 0 .. MaxCapacity] /\ probed \in [Threads -> SUBSET Slots]
    /\ k \in [Threads -> 0 .. MaxCapacity]
    /\ dpc \in {"open", "read", "front", "visit", "done"} /\ dcap \in 0 .. MaxCapacity /\ dnext \in 0 .. MaxCapacity
    /\ visited \subseteq Calls /\ peak \in 0 .. MaxCapacity

Init ==
    /\ slot = [i \in Slots |-> Free] /\ cap = 1 /\ frontier = 0
    /\ status = [c \in Calls |-> "unborn"] /\ home = [c \in Calls |-> NoSlot]
    /\ closed = FALSE /\ dropped = FALSE /\ made = FALSE
    /\ pc = [t \in Threads |-> "idle"] /\ tcall = [t \in Threads |-> NoCall]
    /\ pcap = [t \in Threads |-> 0] /\ probed = [t \in Threads |-> {}]
    /\ snap = [t \in Threads |-> [i \in Slots |-> Free]] /\ k = [t \in Threads |-> 0]
    /\ dpc = "open" /\ dcap = 0 /\ dnext = 0 /\ visited = {} /\ peak = 0

\* Every step that stores a call raises the history variable with the occupancy it leaves.
RaisePeak == peak' = Max(peak, Cardinality({i \in Slots : slot'[i] # Free}))

\* Where a probe starts again: it re-reads the directory (Stripe.claim's loop), and forgets the rest.
Restart(t) == /\ pc' = [pc EXCEPT ![t] = "probe"] /\ pcap' = [pcap EXCEPT ![t] = cap]
              /\ probed' = [probed EXCEPT ![t] = {}] /\ k' = [k EXCEPT ![t] = 0]
              /\ snap' = [snap EXCEPT ![t] = [i \in Slots |-> Free]]
\* A thread done with its begin keeps no locals (fewer distinct states, nothing lost).
Forget(t) == /\ pcap' = [pcap EXCEPT ![t] = 0] /\ probed' = [probed EXCEPT ![t] = {}]
             /\ snap' = [snap EXCEPT ![t] = [i \in Slots |-> Free]] /\ k' = [k EXCEPT ![t] = 0]

-----------------------------------------------------------------------------
(* A begin: Registry.claim, Stripe.claim, Stripe.grow, then the sink's re-check. *)

\* ReferenceSink.begin reads the open generation; Registry.stripe reads the stripe: there, Stripe.claim
\* reads the directory; not made yet, Registry.stripe goes on to make it.
BeginStart(t, c) ==
    /\ pc[t] = "idle" /\ status[c] = "unborn"
    /\ status' = [status EXCEPT ![c] = "begin"] /\ tcall' = [tcall EXCEPT ![t] = c]
    /\ IF made THEN Restart(t) ELSE pc' = [pc EXCEPT ![t] = "make"] /\ UNCHANGED <<pcap, probed, snap, k>>
    /\ UNCHANGED <<slot, cap, frontier, home, closed, dropped, made, dpc, dcap, dnext, visited, peak>>

\* Registry.stripe, `isClosed()` before it makes the stripe: closed, it makes none and the claim
\* stores the call nowhere (a chunk of Chunk.DRAINED); the begin goes on to its re-check.
MakeCheck(t) ==
    /\ pc[t] = "make"
    /\ pc' = [pc EXCEPT ![t] = IF closed THEN "recheck" ELSE "install"]
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, dropped, made, tcall, pcap, probed, snap, k, dpc, dcap, dnext, visited, peak>>

\* Registry.stripe, `STRIPE.compareAndSet(stripes, s, null, new Stripe(this))` (or another begin's
\* stripe, made meanwhile), then Stripe.claim reads its directory. The close may have come since the
\* check: the drain then found no stripe (DrainSkipsStripe), and this begin's re-check sees the close.
Install(t) ==
    /\ pc[t] = "install"
    /\ made' = TRUE /\ Restart(t)
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, dropped, tcall, dpc, dcap, dnext, visited, peak>>

\* Stripe.claim, one slot i of the directory it read: `SLOT.compareAndSet(slots, j, null, element)`,
\* which stores and publishes the call, or finds the slot occupied.
Probe(t, i) ==
    /\ pc[t] = "probe" /\ i < pcap[t] /\ i \notin probed[t]
    /\ IF slot[i] = Free
       THEN /\ slot' = [slot EXCEPT ![i] = tcall[t]] /\ home' = [home EXCEPT ![tcall[t]] = i]
            /\ pc' = [pc EXCEPT ![t] = "raise"] /\ RaisePeak
            /\ Forget(t)
       ELSE /\ probed' = [probed EXCEPT ![t] = @ \cup {i}]
            /\ UNCHANGED <<slot, home, pc, peak, pcap, snap, k, frontier>>
    /\ UNCHANGED <<cap, frontier, status, closed, dropped, made, tcall, dpc, dcap, dnext, visited>>

\* Stripe.claim after the drop: `chunk.slotsForClaim()` is Chunk.DRAINED, nothing is stored; the
\* begin goes on to its re-check with a call stored nowhere.
ProbeDrained(t) ==
    /\ pc[t] = "probe" /\ dropped
    /\ pc' = [pc EXCEPT ![t] = "recheck"] /\ Forget(t)
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, dropped, made, tcall, dpc, dcap, dnext, visited, peak>>

\* Every slot of the directory the probe read was occupied when read: Stripe.grow's double collect.
ProbeFull(t) ==
    /\ pc[t] = "probe" /\ probed[t] = 0 .. pcap[t] - 1
    /\ pc' = [pc EXCEPT ![t] = "collect1"] /\ k' = [k EXCEPT ![t] = 0]
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, dropped, made, tcall, pcap, probed, snap, dpc, dcap, dnext, visited, peak>>

\* Stripe.grow, first pass: `seen[i] = element`, or a free slot: probe again.
Collect1(t) ==
    /\ pc[t] = "collect1"
    /\ IF k[t] = pcap[t]
       THEN pc' = [pc EXCEPT ![t] = "collect2"] /\ k' = [k EXCEPT ![t] = 0] /\ UNCHANGED <<snap, pcap, probed, frontier>>
       ELSE IF slot[k[t]] = Free
       THEN Restart(t)
       ELSE /\ snap' = [snap EXCEPT ![t][k[t]] = slot[k[t]]] /\ k' = [k EXCEPT ![t] = @ + 1]
            /\ UNCHANGED <<pc, pcap, probed, frontier>>
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, dropped, made, tcall, dpc, dcap, dnext, visited, peak>>

\* Stripe.grow, second pass: each slot must hold what the first pass saw, or probe again.
Collect2(t) ==
    /\ pc[t] = "collect2"
    /\ IF k[t] = pcap[t]
       THEN pc' = [pc EXCEPT ![t] = "grow"] /\ UNCHANGED <<k, pcap, probed, snap, frontier>>
       ELSE IF slot[k[t]] # snap[t][k[t]]
       THEN Restart(t)
       ELSE k' = [k EXCEPT ![t] = @ + 1] /\ UNCHANGED <<pc, pcap, probed, snap, frontier>>
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, dropped, made, tcall, dpc, dcap, dnext, visited, peak>>

\* Stripe.grow: `DIRECTORY.compareAndSet(this, chunks, grown)`, doubling; it fails if another grower
\* or the drop replaced the directory. Then the probe starts again.
Grow(t) ==
    /\ pc[t] = "grow"
    /\ IF cap = pcap[t] /\ ~dropped /\ 2 * cap <= MaxCapacity
       THEN cap' = 2 * cap
       ELSE UNCHANGED cap
    /\ Restart(t)
    /\ UNCHANGED <<slot, status, home, closed, dropped, made, tcall, dpc, dcap, dnext, visited, peak, frontier>>

\* Stripe.raiseFrontier, after the claim and before the re-check: a CAS to one past the slot claimed.
RaiseFrontier(t) ==
    /\ pc[t] = "raise"
    /\ frontier' = Max(frontier, home[tcall[t]] + 1)
    /\ pc' = [pc EXCEPT ![t] = "recheck"]
    /\ UNCHANGED <<slot, cap, status, home, closed, dropped, made, tcall, pcap, probed, snap, k, dpc, dcap, dnext, visited, peak>>

\* ReferenceSink.begin, `current != generation`: open, the call is live and begin returns; closed,
\* the begin ends its own call (BeginSelfCancel), unless the drain's sweep did.
Recheck(t) ==
    /\ pc[t] = "recheck"
    /\ IF closed
       THEN pc' = [pc EXCEPT ![t] = "selfcancel"] /\ UNCHANGED <<status, tcall, frontier>>
       ELSE /\ status' = [status EXCEPT ![tcall[t]] = "live"] /\ pc' = [pc EXCEPT ![t] = "idle"]
            /\ tcall' = [tcall EXCEPT ![t] = NoCall]
    /\ UNCHANGED <<slot, cap, frontier, home, closed, dropped, made, pcap, probed, snap, k, dpc, dcap, dnext, visited, peak>>

\* The begin ends its call: Chunk.clear, a store of null into its own slot.
SelfCancel(t) ==
    /\ pc[t] = "selfcancel"
    /\ LET c == tcall[t] IN
       /\ slot' = IF Stored(c) THEN [slot EXCEPT ![home[c]] = Free] ELSE slot
       /\ status' = [status EXCEPT ![c] = "ended"] /\ home' = [home EXCEPT ![c] = NoSlot]
    /\ pc' = [pc EXCEPT ![t] = "idle"] /\ tcall' = [tcall EXCEPT ![t] = NoCall]
    /\ UNCHANGED <<cap, frontier, closed, dropped, made, pcap, probed, snap, k, dpc, dcap, dnext, visited, peak>>

-----------------------------------------------------------------------------
(* Any thread ends a live call (complete, fail, a throwing listener, a signal that found the close):
   ReferenceSink.end, `call.chunk.clear(call.slot())`. Which thread does it is irrelevant here. *)

End(c) ==
    /\ status[c] = "live"
    /\ slot' = IF Stored(c) THEN [slot EXCEPT ![home[c]] = Free] ELSE slot
    /\ status' = [status EXCEPT ![c] = "ended"] /\ home' = [home EXCEPT ![c] = NoSlot]
    /\ UNCHANGED <<cap, frontier, closed, dropped, made, pc, tcall, pcap, probed, snap, k, dpc, dcap, dnext, visited, peak>>

-----------------------------------------------------------------------------
(* The cancel that closes this generation: ReferenceSink.cancel, then Registry.drain. *)

\* `closed.close()`, the CAS of the generation's flag (CancelAllAlgo!CancelClose): the generation is closed.
Close ==
    /\ dpc = "open"
    /\ closed' = TRUE /\ dpc' = "read"
    /\ UNCHANGED <<slot, cap, frontier, status, home, dropped, made, pc, tcall, pcap, probed, snap, k, dcap, dnext, visited, peak>>

\* Registry.drain reads the stripe's directory, then its frontier.
DrainRead ==
    /\ dpc = "read" /\ made
    /\ dcap' = cap /\ dnext' = 0 /\ dpc' = "front"
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, dropped, made, pc, tcall, pcap, probed, snap, k, visited, peak>>

\* Registry.drain finds no stripe (`if (stripe == null) continue`): it visits and drops nothing here, and
\* writes nothing (a stripe made after this read holds only calls whose begin re-checks after the close).
DrainSkipsStripe ==
    /\ dpc = "read" /\ ~made
    /\ dpc' = "done"
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, dropped, made, pc, tcall, pcap, probed, snap, k, dcap, dnext, visited, peak>>

DrainFront ==
    /\ dpc = "front"
    /\ dcap' = (IF frontier < dcap THEN frontier ELSE dcap) /\ dpc' = "visit"
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, dropped, made, pc, tcall, pcap, probed, snap, k, dnext, visited, peak>>

\* One slot's volatile read; an occupant is handed to the sweep (CancelAllAlgo!CancelSweep).
Visit ==
    /\ dpc = "visit" /\ dnext < dcap
    /\ visited' = IF slot[dnext] # Free THEN visited \cup {slot[dnext]} ELSE visited
    /\ dnext' = dnext + 1
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, dropped, made, pc, tcall, pcap, probed, snap, k, dpc, dcap, peak>>

\* Chunk.drop and Stripe.drop once every slot was visited (CancelAllAlgo!CancelReturn).
Drop ==
    /\ dpc = "visit" /\ dnext = dcap
    /\ dropped' = TRUE /\ dpc' = "done"
    /\ UNCHANGED <<slot, cap, frontier, status, home, closed, made, pc, tcall, pcap, probed, snap, k, dcap, dnext, visited, peak>>

-----------------------------------------------------------------------------
\* Nothing left to do: every begun call ended, the generation drained. Any other state without a step
\* would be a deadlock, which TLC reports.
Rest == /\ \A t \in Threads : pc[t] = "idle" /\ \A c \in Calls : status[c] \in {"unborn", "ended"}
        /\ dpc = "done" /\ UNCHANGED vars

ThreadStep(t) ==
    \/ \E c \in Calls : BeginStart(t, c)
    \/ MakeCheck(t) \/ Install(t)
    \/ \E i \in Slots : Probe(t, i)
    \/ ProbeDrained(t) \/ ProbeFull(t) \/ Collect1(t) \/ Collect2(t) \/ Grow(t) \/ RaiseFrontier(t)
    \/ Recheck(t) \/ SelfCancel(t)

Next == (\E t \in Threads : ThreadStep(t)) \/ (\E c \in Calls : End(c)) \/ Close \/ DrainRead \/ DrainSkipsStripe
        \/ DrainFront \/ Visit \/ Drop \/ Rest

\* Next with every step of a thread that satisfies Replaced swapped for Broken (spec/tla/broken/alloc/).
NextReplacing(Replaced(_), Broken(_)) ==
    \/ \E t \in Threads : (ThreadStep(t) /\ ~Replaced(t)) \/ Broken(t)
    \/ \E c \in Calls : End(c)
    \/ Close \/ DrainRead \/ DrainSkipsStripe \/ DrainFront \/ Visit \/ Drop \/ Rest

Spec == Init /\ [][Next]_vars

Symmetry == Permutations(Threads) \cup Permutations(Calls)

-----------------------------------------------------------------------------
(* What TLC checks. *)

\* A stored call occupies its own slot until it ends; so no slot holds two calls that have not ended.
NoSlotHeldTwice == \A c \in Calls : status[c] \in {"begin", "live"} /\ Stored(c) => slot[home[c]] = c

\* When the drain is done it has visited every live call: one that its begin returned live (its
\* re-check came before the close, so it was stored before the close) and that has not ended since.
\* Every other call is ended, or in a begin whose re-check sees the close.
DrainVisitsEveryLiveCall == dpc = "done" => \A c \in Calls : status[c] = "live" => c \in visited

\* The capacity never exceeds twice the most calls stored at one instant (or the initial chunk).
CapacityBound == cap <= Max(1, 2 * peak)
=============================================================================
