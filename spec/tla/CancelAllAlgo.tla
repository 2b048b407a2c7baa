--------------------------- MODULE CancelAllAlgo ---------------------------
(***************************************************************************)
(* The lock-free reference sink (reference/.../ReferenceSink.java) at      *)
(* the granularity of its atomic memory steps: one action per volatile     *)
(* read, volatile write or CAS that matters to other threads. Threads run  *)
(* begin, deliver (a signal, or deliverAll: a batch of objects under one   *)
(* claim, re-checked before each object), complete/fail and cancel on any  *)
(* sink, in any interleaving; a thread inside an object callback may call  *)
(* cancel() itself (SC-16). TLC checks the rules' algorithm-level          *)
(* invariants here and that this spec refines the abstract CancelAll       *)
(* (PROPERTY Abstract!Spec, under the mapping A* below).                   *)
(*                                                                         *)
(* The Java design, in TLA+ terms:                                         *)
(*  - current[s] numbers the open registry generation of sink s: it counts *)
(*    the closes (CancelClose, the linearization point); gen[c] is the     *)
(*    generation call c was begun into; c's generation is closed iff       *)
(*    gen[c] # current[owner[c]] (Java: Call.generationClosed(), the flag  *)
(*    Registry.closed of the call's generation, set by the close's CAS).   *)
(*    The Java keeps only the newest generation object (sink.current) and *)
(*    its flag. Java steps that are not actions here, and why: the first   *)
(*    begin after a close makes the successor and installs it into        *)
(*    current by CAS, which changes no variable here (a stutter before     *)
(*    BeginRead: no call is bound to a generation before it is installed); *)
(*    a cancel that finds current closed and, re-reading it, still the     *)
(*    same closed object is a CancelClose of the empty successor that no   *)
(*    begin has made yet: at that read no generation is open, nothing of   *)
(*    current[s] is linked, and the Java writes nothing (the number is a   *)
(*    history of closes that only comparisons read); a cancel's other      *)
(*    reads, and a CAS lost to another cancel, only send it round its loop *)
(*    again (stutters). So the state graph is the one the swap of current  *)
(*    gave (same counts).                                                  *)
(*  - state[c] is Call.state: "idle", "busy" (a thread holds c's token),   *)
(*    "busycancel" (cancel requested while held), or a final.              *)
(*  - linked[c]: c's slot in its generation holds it (Stripe.claim /       *)
(*    Chunk.clear; the drain's drop unlinks a closed generation's calls).  *)
(*                                                                         *)
(* ASSUMPTION "linked or not": this spec does not model the slots, only    *)
(* whether each call is linked. That is sound because the allocator        *)
(* (SlotAllocator.tla, checked by TLC in every build) guarantees:          *)
(*  (a) publishing is one atomic step that links exactly the begun call    *)
(*      (one CAS of a free slot) and unlinking one store that unlinks      *)
(*      exactly the ending call: no slot is ever held by two calls         *)
(*      (SlotAllocator's NoSlotHeldTwice), so linked[c] depends on c's     *)
(*      own publish and unlink only;                                       *)
(*  (b) a drain visits every call linked at the close that is still        *)
(*      linked when its slot is read, and may visit calls linked later:    *)
(*      CancelSweep's guard (c linked, not yet seen) and CancelReturn's    *)
(*      (every call linked at the close seen or unlinked); the allocator's *)
(*      drain visits every live call (DrainVisitsEveryLiveCall), growth    *)
(*      included;                                                          *)
(*  (c) neither depends on which thread runs which step (any thread may    *)
(*      publish into or unlink from any stripe).                           *)
(* The allocator spec checks (a) to (c) for one stripe of one generation   *)
(* by an argument next to what TLC checks (SlotAllocator.tla's header);    *)
(* it is not a TLC-checked refinement of this spec. What neither spec      *)
(* models is listed in docs/proof-levels.md.                               *)
(*  - heard[c]: what the listener of owner[c] heard of c (the listener of  *)
(*    another sink hears nothing: the Java sink has one listener).         *)
(*                                                                         *)
(* No prophecy variable is needed: every linearization point is a fixed    *)
(* step of the thread doing the operation (see the mapping below), and the *)
(* one choice that depends on the future, whether a listener will throw,   *)
(* is the listener's, made when its callback starts (SignalCheckThrow).    *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS
    Sinks, Calls, Endless, MaxSignals,  \* as in CancelAll
    Threads,        \* the threads (model values, symmetric); any of them runs any operation
    ProviderFinals, \* the finals providers try: a subset of {"completed", "failed"}
    MaxIdleCancels, \* model bound: cancels of a sink that find nothing pending (SC-07's no-op)
    MaxBatch,       \* the most objects one signal delivers (1: single deliveries only; more: deliverAll)
    ListenersWaitForCancel \* TRUE: a listener's object callback returns only once no other thread is
                           \* inside cancel() (a caller that holds a lock while it cancels, and a
                           \* listener that takes that lock): a cancel that waits for a running
                           \* callback then deadlocks, which TLC reports (SC-11)

ASSUME /\ Endless \subseteq Calls /\ MaxSignals \in Nat /\ MaxIdleCancels \in Nat /\ MaxBatch \in Nat \ {0}
       /\ ProviderFinals \subseteq {"completed", "failed"} /\ ListenersWaitForCancel \in BOOLEAN

NoSink == "none"
NoCall == "none"
Finals == {"completed", "failed", "cancelled"}
Held == {"busy", "busycancel"}

VARIABLES
    current,  \* [Sinks -> Nat]       ReferenceSink.current (a generation number)
    owner,    \* [Calls -> Sinks+]    the call's sink (Call.sink(): chunk.generation.owner)
    gen,      \* [Calls -> Nat]       the call's generation (Call.chunk.generation)
    state,    \* [Calls -> ...]       Call.state ("none": not begun)
    linked,   \* [Calls -> BOOLEAN]   the call's registry slot holds it
    heard,    \* [Calls -> Seq]       the owner's listener's events of the call
    faulted,  \* [Calls -> BOOLEAN]   the listener threw in an object callback, error reported
    idleCancels, \* [Sinks -> Nat]    model bound only
    pc,       \* [Threads -> ...]     where each thread is
    tcall,    \* [Threads -> Calls+]  the call of the thread's begin / signal / finish
    tleft,    \* [Threads -> Nat]     a signal: objects of its batch whose callback has not started
    tkind,    \* [Threads -> ...]     the final a finish is trying ("none" otherwise)
    csink,    \* [Threads -> Sinks+]  cancel: its sink
    cgen,     \* [Threads -> Nat]     cancel: the generation it closed
    cmust,    \* [Threads -> SUBSET]  cancel: calls published in cgen before the close
    cseen,    \* [Threads -> SUBSET]  cancel: calls its sweep has visited
    fcall     \* [Threads -> Calls+]  the call whose final the thread is unlinking and sending

algo == <<current, owner, gen, state, linked, heard, faulted>>
locals == <<idleCancels, pc, tcall, tleft, tkind, csink, cgen, cmust, cseen, fcall>>
vars == <<algo, locals>>

States == {"none", "idle", "busy", "busycancel"} \cup Finals
Pcs == {"idle", "publish", "recheck", "selfcancel", "scheck", "callback", "throwing", "fcheck",
        "fdecideOpen", "fdecideClosed", "sweep", "unlink", "send"}

TypeOK ==
    /\ current \in [Sinks -> Nat] /\ owner \in [Calls -> Sinks \cup {NoSink}] /\ gen \in [Calls -> Nat]
    /\ state \in [Calls -> States] /\ linked \in [Calls -> BOOLEAN] /\ faulted \in [Calls -> BOOLEAN]
    /\ heard \in [Calls -> Seq({"object"} \cup Finals)]
    /\ pc \in [Threads -> Pcs] /\ tcall \in [Threads -> Calls \cup {NoCall}] /\ tleft \in [Threads -> 0..MaxBatch]
    /\ tkind \in [Threads -> ProviderFinals \cup {"none"}] /\ csink \in [Threads -> Sinks \cup {NoSink}]
    /\ cgen \in [Threads -> Nat] /\ cmust \in [Threads -> SUBSET Calls] /\ cseen \in [Threads -> SUBSET Calls]
    /\ fcall \in [Threads -> Calls \cup {NoCall}]

Closed(c) == gen[c] # current[owner[c]]
Registry(s, g) == {c \in Calls : owner[c] = s /\ gen[c] = g /\ linked[c]}
ObjectCount(c) == Len(SelectSeq(heard[c], LAMBDA e : e = "object"))
IsFinal(e) == e \in Finals
FinalCount(seq) == Len(SelectSeq(seq, IsFinal))

Init ==
    /\ current = [s \in Sinks |-> 0]
    /\ owner = [c \in Calls |-> NoSink]
    /\ gen = [c \in Calls |-> 0]
    /\ state = [c \in Calls |-> "none"]
    /\ linked = [c \in Calls |-> FALSE]
    /\ heard = [c \in Calls |-> <<>>]
    /\ faulted = [c \in Calls |-> FALSE]
    /\ idleCancels = [s \in Sinks |-> 0]
    /\ pc = [t \in Threads |-> "idle"]
    /\ tcall = [t \in Threads |-> NoCall]
    /\ tleft = [t \in Threads |-> 0]
    /\ tkind = [t \in Threads |-> "none"]
    /\ csink = [t \in Threads |-> NoSink]
    /\ cgen = [t \in Threads |-> 0]
    /\ cmust = [t \in Threads |-> {}]
    /\ cseen = [t \in Threads |-> {}]
    /\ fcall = [t \in Threads |-> NoCall]

\* Where the thread goes when an operation's part ends; a cancel called from inside an object
\* callback returns into that callback (SC-16).
Goto(t, where) == pc' = [pc EXCEPT ![t] = where]
\* The thread has decided call c's final (it wrote it into state): it unlinks c, then sends it.
EndCall(t, c) == /\ fcall' = [fcall EXCEPT ![t] = c]
                 /\ Goto(t, "unlink")

-----------------------------------------------------------------------------
(* begin(context): ReferenceSink.begin *)

\* ReferenceSink.begin, `openGeneration()` (LP: its read of an open generation's flag; a closed one is
\* replaced first, a stutter here): the call object is made, bound to s and to that generation, in state IDLE.
BeginRead(t, s, c) ==
    /\ pc[t] = "idle" /\ state[c] = "none"
    /\ owner' = [owner EXCEPT ![c] = s]
    /\ gen' = [gen EXCEPT ![c] = current[s]]
    /\ state' = [state EXCEPT ![c] = "idle"]
    /\ tcall' = [tcall EXCEPT ![t] = c]
    /\ Goto(t, "publish")
    /\ UNCHANGED <<current, linked, heard, faulted, idleCancels, tkind, tleft, csink, cgen, cmust, cseen, fcall>>

\* ReferenceSink.begin, `generation.claim(context)`: Stripe.claim's CAS of a free slot
\* from null to the call, which stores and publishes it (SlotAllocator.tla models the claim).
BeginPublish(t) ==
    /\ pc[t] = "publish"
    /\ linked' = [linked EXCEPT ![tcall[t]] = TRUE]
    /\ Goto(t, "recheck")
    /\ UNCHANGED <<current, owner, gen, state, heard, faulted, idleCancels, tcall, tkind, tleft, csink, cgen, cmust, cseen, fcall>>

\* ReferenceSink.begin, `generation.isClosed()`: the volatile re-read after publishing. Open: begin
\* returns the handle. Closed: a cancel closed the generation after our read; go end the call.
BeginRecheck(t) ==
    /\ pc[t] = "recheck"
    /\ IF Closed(tcall[t])
       THEN Goto(t, "selfcancel") /\ UNCHANGED tcall
       ELSE Goto(t, "idle") /\ tcall' = [tcall EXCEPT ![t] = NoCall]
    /\ UNCHANGED <<algo, idleCancels, tkind, tleft, csink, cgen, cmust, cseen, fcall>>

\* ReferenceSink.begin, `call.cas(IDLE, CANCELLED)`: unless the sweep already ended it.
BeginSelfCancel(t) ==
    /\ pc[t] = "selfcancel"
    /\ LET c == tcall[t] IN
       IF state[c] = "idle"
       THEN /\ state' = [state EXCEPT ![c] = "cancelled"]
            /\ EndCall(t, c)
       ELSE /\ Goto(t, "idle") /\ UNCHANGED <<state, fcall>>
    /\ tcall' = [tcall EXCEPT ![t] = NoCall]
    /\ UNCHANGED <<current, owner, gen, linked, heard, faulted, idleCancels, tkind, tleft, csink, cgen, cmust, cseen>>

-----------------------------------------------------------------------------
(* deliver / progress: ReferenceSink.signal (modelled as object deliveries), and a batch of  *)
(* objects under one claim: ReferenceSink.deliverAll. A single delivery is a batch of one.   *)

\* ReferenceSink.signal, `claim(call)`: ReferenceSink.claim's `call.cas(IDLE, BUSY)` takes the call's token,
\* for k objects (k = 1 for deliver and progress; in ReferenceSink.deliverAll the list's size). (A refused
\* claim changes nothing and is not modelled; nor is an empty batch, which takes no token: deliverAll
\* answers it with a read of the call, as isFinished.) The provider holds the handle only once begin
\* returned.
SignalClaim(t, c, k) ==
    /\ pc[t] = "idle" /\ state[c] = "idle" /\ owner[c] \in Sinks
    /\ \A u \in Threads : tcall[u] # c          \* begin has returned the handle
    /\ ObjectCount(c) + k <= MaxSignals
    /\ state' = [state EXCEPT ![c] = "busy"]
    /\ tcall' = [tcall EXCEPT ![t] = c]
    /\ tleft' = [tleft EXCEPT ![t] = k]
    /\ Goto(t, "scheck")
    /\ UNCHANGED <<current, owner, gen, linked, heard, faulted, idleCancels, tkind, csink, cgen, cmust, cseen, fcall>>

\* ReferenceSink.signal, `call.generationClosed()` (LP), closed, and ReferenceSink.deliverAll,
\* `generation.isClosed()` before each object: the call was cancelled at the close; the holder writes
\* CANCELLED (endHeld) and refuses the signal, or the rest of the batch.
SignalCheckClosed(t) ==
    /\ pc[t] = "scheck" /\ Closed(tcall[t])
    /\ state' = [state EXCEPT ![tcall[t]] = "cancelled"]
    /\ EndCall(t, tcall[t])
    /\ tcall' = [tcall EXCEPT ![t] = NoCall]
    /\ tleft' = [tleft EXCEPT ![t] = 0]
    /\ UNCHANGED <<current, owner, gen, linked, heard, faulted, idleCancels, tkind, csink, cgen, cmust, cseen>>

\* ReferenceSink.signal, `call.generationClosed()` (LP), open, and ReferenceSink.deliverAll's check
\* before each object, open: listener.onObject starts.
SignalCheckOpen(t) ==
    /\ pc[t] = "scheck" /\ ~Closed(tcall[t])
    /\ heard' = [heard EXCEPT ![tcall[t]] = Append(@, "object")]
    /\ tleft' = [tleft EXCEPT ![t] = @ - 1]
    /\ Goto(t, "callback")
    /\ UNCHANGED <<current, owner, gen, state, linked, faulted, idleCancels, tcall, tkind, csink, cgen, cmust, cseen, fcall>>

\* ReferenceSink.signal and ReferenceSink.deliverAll, as SignalCheckOpen, for a listener that is going to
\* throw from this callback (its choice).
SignalCheckThrow(t) ==
    /\ pc[t] = "scheck" /\ ~Closed(tcall[t])
    /\ heard' = [heard EXCEPT ![tcall[t]] = Append(@, "object")]
    /\ tleft' = [tleft EXCEPT ![t] = @ - 1]
    /\ Goto(t, "throwing")
    /\ UNCHANGED <<current, owner, gen, state, linked, faulted, idleCancels, tcall, tkind, csink, cgen, cmust, cseen, fcall>>

\* ReferenceSink.deliverAll, an object's onObject returned and objects of the batch are left: back to the
\* re-check of the flag (SignalCheckClosed / SignalCheckOpen) before the next one. No memory step of
\* its own: it is where the listener returns, which a listener that waits for a running cancel does
\* only once no other thread is inside cancel() (as in SignalReturn).
BatchNext(t) ==
    /\ pc[t] = "callback" /\ tleft[t] > 0
    /\ ListenersWaitForCancel => \A u \in Threads \ {t} : csink[u] = NoSink
    /\ Goto(t, "scheck")
    /\ UNCHANGED <<algo, idleCancels, tcall, tleft, tkind, csink, cgen, cmust, cseen, fcall>>

\* ReferenceSink.signal and ReferenceSink.deliverAll, `call.cas(BUSY, IDLE)` in ReferenceSink.release
\* after the last onObject returned: release the token, or, if a cancel marked BUSY_CANCEL meanwhile,
\* write CANCELLED and send onCancelled (SC-04 in flight).
SignalReturn(t) ==
    /\ pc[t] = "callback" /\ tleft[t] = 0
    /\ ListenersWaitForCancel => \A u \in Threads \ {t} : csink[u] = NoSink
    /\ LET c == tcall[t] IN
       IF state[c] = "busy"
       THEN /\ state' = [state EXCEPT ![c] = "idle"]
            /\ Goto(t, "idle") /\ UNCHANGED fcall
       ELSE /\ state' = [state EXCEPT ![c] = "cancelled"]
            /\ EndCall(t, c)
    /\ tcall' = [tcall EXCEPT ![t] = NoCall]
    /\ UNCHANGED <<current, owner, gen, linked, heard, faulted, idleCancels, tleft, tkind, csink, cgen, cmust, cseen>>

\* ReferenceSink.signal and ReferenceSink.deliverAll, `catch (Throwable thrown)`: report the error, write
\* CANCELLED (SC-15); the rest of a batch is not delivered.
SignalThrow(t) ==
    /\ pc[t] = "throwing"
    /\ state' = [state EXCEPT ![tcall[t]] = "cancelled"]
    /\ faulted' = [faulted EXCEPT ![tcall[t]] = TRUE]
    /\ EndCall(t, tcall[t])
    /\ tcall' = [tcall EXCEPT ![t] = NoCall]
    /\ tleft' = [tleft EXCEPT ![t] = 0]
    /\ UNCHANGED <<current, owner, gen, linked, heard, idleCancels, tkind, csink, cgen, cmust, cseen>>

-----------------------------------------------------------------------------
(* complete / fail: ReferenceSink.finish *)

\* ReferenceSink.finish, `claim(call)`: ReferenceSink.claim's `call.cas(IDLE, BUSY)`.
FinishClaim(t, c, k) ==
    /\ pc[t] = "idle" /\ state[c] = "idle" /\ owner[c] \in Sinks /\ c \notin Endless
    /\ \A u \in Threads : tcall[u] # c
    /\ state' = [state EXCEPT ![c] = "busy"]
    /\ tcall' = [tcall EXCEPT ![t] = c]
    /\ tkind' = [tkind EXCEPT ![t] = k]
    /\ Goto(t, "fcheck")
    /\ UNCHANGED <<current, owner, gen, linked, heard, faulted, idleCancels, tleft, csink, cgen, cmust, cseen, fcall>>

\* ReferenceSink.finish, `open = !call.generationClosed()` (LP when open).
FinishCheck(t) ==
    /\ pc[t] = "fcheck"
    /\ Goto(t, IF Closed(tcall[t]) THEN "fdecideClosed" ELSE "fdecideOpen")
    /\ UNCHANGED <<algo, idleCancels, tcall, tkind, tleft, csink, cgen, cmust, cseen, fcall>>

\* ReferenceSink.finish, `endHeld(call, open ? fin : CANCELLED, error)`: the holder's volatile write,
\* overruling a BUSY_CANCEL that came after an open check.
FinishDecide(t) ==
    /\ pc[t] \in {"fdecideOpen", "fdecideClosed"}
    /\ state' = [state EXCEPT ![tcall[t]] = IF pc[t] = "fdecideOpen" THEN tkind[t] ELSE "cancelled"]
    /\ EndCall(t, tcall[t])
    /\ tcall' = [tcall EXCEPT ![t] = NoCall]
    /\ tkind' = [tkind EXCEPT ![t] = "none"]
    /\ UNCHANGED <<current, owner, gen, linked, heard, faulted, idleCancels, tleft, csink, cgen, cmust, cseen>>

-----------------------------------------------------------------------------
(* cancel(): ReferenceSink.cancel and ReferenceSink.sweep *)

\* Whether s has a call a cancel would end now (bounds idle cancels only; cancel itself has no guard).
HasPending(s) == \E c \in Calls : owner[c] = s /\ gen[c] = current[s] /\ state[c] \notin Finals

\* ReferenceSink.cancel, `closed.close()`, the CAS of the generation's flag (LP): close the generation;
\* or, current found closed, its re-read `current != closed` finding the same closed generation, whose
\* successor no begin has made (an idle close: nothing of it is linked, no Java write). A CAS lost to
\* another cancel, or a re-read that finds a successor, is retried on what current then holds. From an
\* idle thread, or from inside an object callback (SC-16).
CancelClose(t, s) ==
    /\ \/ pc[t] = "idle"
       \/ pc[t] = "callback" /\ csink[t] = NoSink
    /\ HasPending(s) \/ idleCancels[s] < MaxIdleCancels
    /\ idleCancels' = [idleCancels EXCEPT ![s] = IF HasPending(s) THEN @ ELSE @ + 1]
    /\ current' = [current EXCEPT ![s] = @ + 1]
    /\ csink' = [csink EXCEPT ![t] = s]
    /\ cgen' = [cgen EXCEPT ![t] = current[s]]
    /\ cmust' = [cmust EXCEPT ![t] = Registry(s, current[s])]
    /\ Goto(t, "sweep")
    /\ UNCHANGED <<owner, gen, state, linked, heard, faulted, tcall, tkind, tleft, cseen, fcall>>

\* ReferenceSink.sweep, one slot of the closed generation: `call.cas(IDLE, CANCELLED)` then end it,
\* or `call.cas(BUSY, BUSY_CANCEL)` (its holder ends it), or nothing (already requested or final).
\* Registry.drain only reads the slot: the sweep needs no Unlink, because the drain drops every slot
\* of the closed generation at once when it is done (CancelReturn). The slot's volatile read and the
\* state CAS are one step here: the slot holds this call until the call is finished, so no other
\* thread writes it in between, and a CAS that fails because the state moved is retried on the new
\* state (lock-free: it moves only when another thread progressed).
CancelSweep(t, c) ==
    /\ pc[t] = "sweep" /\ c \in Registry(csink[t], cgen[t]) \ cseen[t]
    /\ cseen' = [cseen EXCEPT ![t] = @ \cup {c}]
    /\ CASE state[c] = "idle" -> /\ state' = [state EXCEPT ![c] = "cancelled"]
                                 /\ fcall' = [fcall EXCEPT ![t] = c] /\ Goto(t, "send")
         [] state[c] = "busy" -> state' = [state EXCEPT ![c] = "busycancel"] /\ UNCHANGED <<pc, fcall>>
         [] OTHER -> UNCHANGED <<state, pc, fcall>>
    /\ UNCHANGED <<current, owner, gen, linked, heard, faulted, idleCancels, tcall, tkind, tleft, csink, cgen, cmust>>

\* ReferenceSink.cancel returns once Registry.drain has passed every slot published before the
\* close (a slot cleared meanwhile is passed too), and has dropped the closed generation's slots: none
\* of its calls is linked any more (Registry.drain's directory store, SC-13). A call published into a
\* stripe the drain found unmade (SlotAllocator's DrainSkipsStripe) stays in its slot after the drain,
\* until its own begin, which sees the close, ends and unlinks it; the drain never reads that slot, so
\* this is the behaviour in which the call's BeginPublish comes after CancelReturn.
CancelReturn(t) ==
    /\ pc[t] = "sweep"
    /\ \A c \in cmust[t] : c \in cseen[t] \/ ~linked[c]
    /\ linked' = [c \in Calls |-> linked[c] /\ ~(owner[c] = csink[t] /\ gen[c] = cgen[t])]
    /\ Goto(t, IF tcall[t] # NoCall THEN "callback" ELSE "idle")
    /\ csink' = [csink EXCEPT ![t] = NoSink]
    /\ cgen' = [cgen EXCEPT ![t] = 0]
    /\ cmust' = [cmust EXCEPT ![t] = {}]
    /\ cseen' = [cseen EXCEPT ![t] = {}]
    /\ UNCHANGED <<current, owner, gen, state, heard, faulted, idleCancels, tcall, tkind, tleft, fcall>>

-----------------------------------------------------------------------------
(* Ending a call: ReferenceSink.end, by the one thread that wrote its final *)

\* ReferenceSink.end, `call.chunk.clear(call.slot())`: Chunk.clear's release store (SC-13).
Unlink(t) ==
    /\ pc[t] = "unlink"
    /\ linked' = [linked EXCEPT ![fcall[t]] = FALSE]
    /\ Goto(t, "send")
    /\ UNCHANGED <<current, owner, gen, state, heard, faulted, idleCancels, tcall, tkind, tleft, csink, cgen, cmust, cseen, fcall>>

\* ReferenceSink.sendFinal (from ReferenceSink.end) and ReferenceSink.sweep, the final callback (onCompleted /
\* onFailed / onCancelled), then back to the
\* sweep if this thread is cancelling.
SendFinal(t) ==
    /\ pc[t] = "send"
    /\ heard' = [heard EXCEPT ![fcall[t]] = Append(@, state[fcall[t]])]
    /\ Goto(t, IF csink[t] # NoSink THEN "sweep" ELSE "idle")
    /\ fcall' = [fcall EXCEPT ![t] = NoCall]
    /\ UNCHANGED <<current, owner, gen, state, linked, faulted, idleCancels, tcall, tkind, tleft, csink, cgen, cmust, cseen>>

-----------------------------------------------------------------------------
ThreadSymmetry == Permutations(Threads)

AllIdle == \A t \in Threads : pc[t] = "idle"

\* Once every thread is idle and every bound is used up, the system may rest; any other state
\* without a step is a deadlock, which TLC reports; each configuration's "\* deadlock:" line names the
\* rule it breaks (SC-11 where listeners wait for a running cancel, SC-16 elsewhere).
Rest == AllIdle /\ UNCHANGED vars

ThreadStep(t) ==
    \/ BeginPublish(t) \/ BeginRecheck(t) \/ BeginSelfCancel(t)
    \/ SignalCheckClosed(t) \/ SignalCheckOpen(t) \/ SignalCheckThrow(t) \/ BatchNext(t) \/ SignalReturn(t) \/ SignalThrow(t)
    \/ FinishCheck(t) \/ FinishDecide(t)
    \/ \E c \in Calls : CancelSweep(t, c)
    \/ CancelReturn(t) \/ Unlink(t) \/ SendFinal(t)

Start(t) ==
    \/ \E s \in Sinks, c \in Calls : BeginRead(t, s, c)
    \/ \E c \in Calls : (\E k \in 1..MaxBatch : SignalClaim(t, c, k)) \/ \E k \in ProviderFinals : FinishClaim(t, c, k)
    \/ \E s \in Sinks : CancelClose(t, s)

Step(t) == Start(t) \/ ThreadStep(t)

Next == (\E t \in Threads : Step(t)) \/ Rest

\* Next with every step of a thread that satisfies Replaced (an action predicate) swapped for Broken:
\* how a deliberately broken variant (spec/tla/broken/algo/) changes one action without a copy.
NextReplacing(Replaced(_), Broken(_)) == (\E t \in Threads : (Step(t) /\ ~Replaced(t)) \/ Broken(t)) \/ Rest

\* Every thread finishes what it started, and the client keeps cancelling a sink that has calls
\* pending: the assumptions under which the abstract spec's fairness (and SC-10) must hold.
Fairness ==
    /\ \A t \in Threads : WF_vars(ThreadStep(t))
    /\ \A s \in Sinks : WF_vars(\E t \in Threads : HasPending(s) /\ CancelClose(t, s))

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
(***************************************************************************)
(* The refinement mapping: the abstract state each algorithm state stands *)
(* for. A call is abstractly                                               *)
(*  - final as soon as its final is decided: written into state, or        *)
(*    linearized by a finish whose check found the generation open, or by *)
(*    a listener that is throwing;                                         *)
(*  - cancelled as soon as its generation is closed (CancelClose is the   *)
(*    LP of cancel for every call of that generation at once);             *)
(*  - and its abstract events are the heard ones plus its decided final   *)
(*    not yet sent (the final is "in flight" on the deciding thread).     *)
(***************************************************************************)
HeldFinal(c) ==
    IF \E t \in Threads : tcall[t] = c /\ pc[t] = "fdecideOpen"
    THEN tkind[CHOOSE t \in Threads : tcall[t] = c /\ pc[t] = "fdecideOpen"]
    ELSE IF \E t \in Threads : tcall[t] = c /\ pc[t] = "throwing" THEN "cancelled"
    ELSE "none"

AStatus(c) ==
    IF state[c] = "none" THEN "unborn"
    ELSE IF state[c] \in Finals THEN state[c]
    ELSE IF HeldFinal(c) # "none" THEN HeldFinal(c)
    ELSE IF Closed(c) THEN "cancelled"
    ELSE "pending"

AHeard(c) == IF AStatus(c) \in Finals /\ FinalCount(heard[c]) = 0
             THEN Append(heard[c], AStatus(c)) ELSE heard[c]

AFaulted(c) == faulted[c] \/ \E t \in Threads : tcall[t] = c /\ pc[t] = "throwing"

Abstract == INSTANCE CancelAll WITH
    owner <- owner,
    status <- [c \in Calls |-> AStatus(c)],
    heard <- [s \in Sinks |-> [c \in Calls |-> IF owner[c] = s THEN AHeard(c) ELSE <<>>]],
    registry <- [s \in Sinks |-> {c \in Calls : owner[c] = s /\ AStatus(c) = "pending"}],
    faulted <- [c \in Calls |-> AFaulted(c)],
    cancels <- current

\* The refinement: every behaviour of this spec is one of the abstract spec's, fairness included.
Refinement == Abstract!Spec
\* The same without the abstract fairness (a safety property: fast, and sound under symmetry). Most
\* steps of the algorithm are abstract stutters, so that test comes first (TLC evaluates a disjunction
\* from the left, and evaluating Abstract!Next recomputes the mapping for every disjunct).
AbstractStep == UNCHANGED Abstract!vars \/ Abstract!Next
AbstractSafety == Abstract!Init /\ [][AbstractStep]_vars

-----------------------------------------------------------------------------
(***************************************************************************)
(* The rules at the algorithm level (names as in RULES.md).                *)
(***************************************************************************)

\* Thread t is inside a callback of call c: an object callback (its own, or one it is cancelling
\* from), or about to run c's final callback.
InCallback(t, c) ==
    \/ tcall[t] = c /\ pc[t] \in {"callback", "throwing"}
    \/ tcall[t] = c /\ csink[t] # NoSink /\ pc[t] \notin {"idle"}  \* a cancel nested in c's callback
    \/ fcall[t] = c /\ pc[t] = "send"

\* Whose step it is: every step of a thread changes one of its own variables (Rest changes nothing).
Locals(t) == <<pc[t], tcall[t], tleft[t], tkind[t], csink[t], cgen[t], cmust[t], cseen[t], fcall[t]>>
Moves(t) == Locals(t)' # Locals(t)
\* A step of thread t's cancel() of sink s: from the close of the generation to the return. The rules
\* below judge a cancel by the sink its thread acts on, never by what changed.
Cancelling(t, s) == Moves(t) /\ (csink[t] = s \/ csink'[t] = s)

\* The abstract spec's action rules, stated on the mapped state (AStatus, AHeard). Refinement implies
\* the abstract ones; stating them here lets TLC name the rule a broken variant breaks, in algorithm
\* terms, judged by the thread that acts. (Each is the box of a named step predicate, so that a
\* single hand-made step can be judged on its own.)
APendingOf(s) == {c \in Calls : owner[c] = s /\ AStatus(c) = "pending"}
Untouched(c) == AStatus(c)' = AStatus(c) /\ AHeard(c)' = AHeard(c)

\* A step of thread t whose listener throws (SignalCheckThrow, SignalThrow).
Throwing(t) == "throwing" \in {pc[t], pc'[t]} /\ Moves(t)

\* SC-01: the step of a cancel of s that cancels a call of s (CancelClose) ends every call of s pending
\* before it; and only a step of a cancel or of a throwing listener cancels a call at all (which calls
\* it may cancel is SC-02's and SC-15's business).
SC01_ScopeAllStep ==
    /\ \A t \in Threads, s \in Sinks :
          Cancelling(t, s) /\ (\E c \in APendingOf(s) : AStatus(c)' = "cancelled") =>
              \A c \in APendingOf(s) : AStatus(c)' # "pending"
    /\ \A c \in Calls : state[c] \notin Finals /\ AStatus(c) = "pending" /\ AStatus(c)' = "cancelled" =>
          \E t \in Threads : (\E s \in Sinks : Cancelling(t, s)) \/ Throwing(t)
SC01_ScopeAll == [][SC01_ScopeAllStep]_vars
\* SC-02: no step of a cancel of s changes a call of another sink.
SC02_NeverOthersStep == \A t \in Threads, s \in Sinks : Cancelling(t, s) => \A c \in Calls : owner[c] # s => Untouched(c)
SC02_NeverOthers == [][SC02_NeverOthersStep]_vars
\* SC-04: a cancelled call hears nothing more (its final is already counted in AHeard).
SC04_SilentAfterCancelStep == \A c \in Calls : AStatus(c) = "cancelled" => AHeard(c)' = AHeard(c)
SC04_SilentAfterCancel == [][SC04_SilentAfterCancelStep]_vars
\* SC-05: a decided final never changes.
SC05_FinalIsForeverStep == \A c \in Calls : AStatus(c) \in Finals => AStatus(c)' = AStatus(c)
SC05_FinalIsForever == [][SC05_FinalIsForeverStep]_vars

\* SC-09: callbacks of one call never overlap.
SC09_SerialCallbacks == \A c \in Calls : \A t, u \in Threads : InCallback(t, c) /\ InCallback(u, c) => t = u

\* Thread t will end call c without any other callback of c starting first: it holds c's token, is
\* finishing begin's re-check of c, or has decided c's final.
WillEnd(t, c) ==
    \/ tcall[t] = c /\ pc[t] \in {"scheck", "callback", "throwing", "fcheck", "fdecideOpen", "fdecideClosed",
                                   "publish", "recheck", "selfcancel"}
    \/ tcall[t] = c /\ csink[t] # NoSink
    \/ fcall[t] = c /\ pc[t] \in {"unlink", "send"}

\* SC-04 in flight: when cancel returns, every call it cancelled has heard onCancelled, or the one
\* thread that holds it will send it next (after the object callback it is running, if any).
SC04_InFlightStep ==
    \A t \in Threads : pc[t] = "sweep" /\ pc'[t] \in {"idle", "callback"} =>
        \A c \in Calls : owner[c] = csink[t] /\ gen[c] = cgen[t] /\ AStatus(c) = "cancelled" =>
            FinalCount(heard[c]) = 1 \/ \E u \in Threads : WillEnd(u, c)
SC04_InFlight == [][SC04_InFlightStep]_vars

\* SC-06 no lost call: a call whose generation is closed and that has no final yet will be ended by
\* someone: the sweep that has not visited it yet, or the thread that holds it or is beginning it.
SC06_NoLostCall ==
    \A c \in Calls : state[c] \in {"idle", "busy", "busycancel"} /\ Closed(c) =>
        \/ \E t \in Threads : WillEnd(t, c)
        \/ \E t \in Threads : csink[t] = owner[c] /\ cgen[t] = gen[c] /\ linked[c] /\ c \notin cseen[t]

\* SC-03 one final, last, on the listener's side; and when all threads are idle, every final that was
\* decided has been heard.
SC03_OneFinalLast ==
    \A c \in Calls :
        /\ FinalCount(heard[c]) <= 1
        /\ FinalCount(heard[c]) = 1 => IsFinal(heard[c][Len(heard[c])]) /\ heard[c][Len(heard[c])] = AStatus(c)
        /\ AllIdle /\ AStatus(c) \in Finals => FinalCount(heard[c]) = 1

\* SC-13 no retention, at once: a registry slot holds a call that is not pending only until its own
\* thread drops it: the thread that decided its final unlinks it next, before it sends the final (or
\* the holder whose check linearized the final writes it and then unlinks); a call of a closed
\* generation (which the sink no longer references) stays only while that generation's drain runs,
\* whose return drops every slot, or until the begin that published it late ends it. So the listener
\* never hears the final of a call its sink still references. When all threads are idle the slots
\* hold exactly the pending calls.
SC13_NoRetention ==
    /\ \A c \in Calls : linked[c] /\ ~Closed(c) => FinalCount(heard[c]) = 0
    /\ \A c \in Calls : linked[c] /\ AStatus(c) # "pending" =>
          \/ \E t \in Threads : fcall[t] = c /\ pc[t] = "unlink"
          \/ \E t \in Threads : tcall[t] = c /\ pc[t] \in {"throwing", "fdecideOpen"}
          \/ /\ Closed(c)
             /\ \E t \in Threads : \/ csink[t] = owner[c] /\ cgen[t] = gen[c]
                                   \/ tcall[t] = c /\ pc[t] \in {"recheck", "selfcancel"}
    /\ AllIdle => \A c \in Calls : linked[c] <=> AStatus(c) = "pending"

\* SC-15: a call whose listener threw (and was reported) is cancelled, ...
SC15_FaultReported == \A c \in Calls : AFaulted(c) => AStatus(c) = "cancelled"
\* ... and the steps of the thread whose listener throws (SignalCheckThrow, SignalThrow) leave every
\* other call alone.
SC15_OwnCallOnlyStep == \A t \in Threads : Throwing(t) => \A d \in Calls \ {tcall[t]} : Untouched(d)
SC15_OwnCallOnly == [][SC15_OwnCallOnlyStep]_vars

\* SC-12 the provider is told: what the provider reads (Call.isCancelled: CANCELLED, or IDLE in a
\* closed generation) says "cancelled" only for a cancelled call, and does for every cancelled call
\* that no thread holds (a held one is told when its holder lets go).
ProviderSeesCancelled(c) == state[c] = "cancelled" \/ (state[c] = "idle" /\ Closed(c))
SC12_ProviderTold ==
    \A c \in Calls : /\ ProviderSeesCancelled(c) => AStatus(c) = "cancelled"
                     /\ AStatus(c) = "cancelled" /\ state[c] \notin Held => ProviderSeesCancelled(c)

\* SC-08: a call is begun live (BeginRead binds it to the open generation).
SC08_FreshCallsLiveStep == \A c \in Calls : state[c] = "none" /\ state'[c] # "none" => ~Closed(c)'
SC08_FreshCallsLive == [][SC08_FreshCallsLiveStep]_vars

\* SC-10: every call that is pending or has a decided final ends with its final heard.
SC10_EveryCallEnds == \A c \in Calls : state[c] # "none" ~> FinalCount(heard[c]) = 1


=============================================================================
