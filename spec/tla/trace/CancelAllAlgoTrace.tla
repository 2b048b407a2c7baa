------------------------- MODULE CancelAllAlgoTrace -------------------------
(***************************************************************************)
(* Trace validation at the step level: is a logged run of the reference   *)
(* sink a behaviour of CancelAllAlgo.tla? The log (module AlgoTraceLog,    *)
(* generated from reference's StepLog) is, per thread, the steps that      *)
(* thread took in its program order, each named by the CancelAllAlgo       *)
(* action it performs, with the values it read and wrote. No global order  *)
(* is logged (a CAS cannot be logged atomically with its effect): a        *)
(* behaviour of this module takes CancelAllAlgo steps, each the next       *)
(* logged step of one thread with the logged values, and TLC searches the  *)
(* interleavings. A run is accepted iff some interleaving explains every   *)
(* thread's whole log and ends with every thread idle (Accepted).          *)
(*                                                                         *)
(* The one order the log does claim across threads: each step carries the *)
(* two tickets (one atomic counter) of the sink operation it belongs to,   *)
(* taken by the caller before invoking it and after it returned (inv i,    *)
(* ret r; a nested cancel belongs to the callback's operation). An         *)
(* operation whose return ticket is below another's invocation ticket      *)
(* happened before it, so all its steps come first (MayStep).              *)
(*                                                                         *)
(* The mapping, log event (field a) -> CancelAllAlgo action, and what the  *)
(* logged value (field x) must equal in the state the step is taken from:  *)
(*  BeginRead s c        -> BeginRead(t, s, c)                             *)
(*  BeginPublish c       -> BeginPublish(t), tcall[t] = c                  *)
(*  BeginRecheck c x     -> BeginRecheck(t), Closed(c) iff x = "closed"    *)
(*  BeginSelfCancel c x  -> BeginSelfCancel(t), the CAS won (x = "won")    *)
(*                          iff state[c] = "idle"                          *)
(*  SignalClaim c k      -> SignalClaim(t, c, k) (the CAS IDLE->BUSY won)  *)
(*  SignalCheck c x      -> x "closed": SignalCheckClosed(t); "open":      *)
(*                          SignalCheckOpen(t); "throw": SignalCheckThrow  *)
(*                          (the recorder rewrites an open check whose      *)
(*                          callback threw), tcall[t] = c                  *)
(*  BatchNext c          -> BatchNext(t)                                   *)
(*  SignalReturn c x     -> SignalReturn(t), CAS BUSY->IDLE won iff        *)
(*                          state[c] = "busy"                              *)
(*  SignalThrow c        -> SignalThrow(t)                                 *)
(*  FinishClaim c x      -> FinishClaim(t, c, x) (x: the final tried)      *)
(*  FinishCheck c x      -> FinishCheck(t), Closed(c) iff x = "closed"     *)
(*  FinishDecide c x     -> FinishDecide(t), x the final written           *)
(*  CancelClose s x      -> CancelClose(t, s) (x: "closed" its CAS, "idle" *)
(*                          the re-read of a closed current)               *)
(*  CancelSweep c x      -> x "idle" / "busy": CancelSweep(t, c) from that *)
(*                          state (its CAS won); x "other" (no CAS: final  *)
(*                          or BUSY_CANCEL read): CancelSweep(t, c), or a   *)
(*                          stutter if c was unlinked between the drain's  *)
(*                          read of its slot and this read of its state    *)
(*  CancelReturn s       -> CancelReturn(t) of s (an idle close logs it at *)
(*                          once: its sweep has nothing to visit)          *)
(*  Unlink c             -> Unlink(t), fcall[t] = c                        *)
(*  SendFinal c x        -> SendFinal(t), fcall[t] = c, state[c] = x       *)
(* and two events that are stutters of CancelAllAlgo (steps it does not    *)
(* model because they change nothing), checked against the state read:     *)
(*  CasLost c x          a CAS expecting x lost (a claim's or a sweep's):  *)
(*                       state[c] # x; the loop retries                    *)
(*  ClaimRefused c x     a claim read a final (x "final") or a held call   *)
(*                       ("held"): state[c] in Finals, resp. in Held       *)
(* Variables: the log drives only pos (how many steps of each thread are   *)
(* explained); every CancelAllAlgo variable moves only by its actions.     *)
(*                                                                         *)
(* Segments. A long log is cut at quiet points (StepLog.quiet: no thread   *)
(* inside an operation, no call pending) into segments, each checked from  *)
(* Init: at a quiet point every call is final and unlinked and every       *)
(* thread idle, so the state is Init's up to the calls' names (renamed per *)
(* segment) and the sinks' generation numbers (only ever compared). One    *)
(* TLC run checks several: seg, fixed by the initial state, picks          *)
(* Logs[seg]. A call of an earlier segment (Priors[seg], a stale handle)   *)
(* starts as "none" here and may only be refused as final; a segment that  *)
(* ends at a quiet point is accepted only with no call left pending, which *)
(* checks the workload's claim.                                            *)
(*                                                                         *)
(* Not logged, so left to TLC or out (docs/trace.md): the begin's install  *)
(* of a successor generation and a cancel's lost CAS or re-read that finds *)
(* a successor (stutters of CancelAllAlgo, as its header says); refused    *)
(* operations that touch no call (foreign or forged handles, an empty      *)
(* deliverAll), provider reads (isCancelled, pendingCalls), a deliverAll   *)
(* whose list throws (a shorter batch CancelAllAlgo does not model), and   *)
(* drains an Error interrupted (finishInterruptedDrains). A listener may   *)
(* call only cancel() from inside an object callback (CancelAllAlgo's only *)
(* nested operation), and nothing from inside a final callback.           *)
(***************************************************************************)
EXTENDS CancelAllAlgo, AlgoTraceLog

VARIABLE pos,  \* [Threads -> Nat]: how many of each thread's logged steps are explained
         seg   \* which segment of the log this behaviour explains (fixed by the initial state)

Log == Logs[seg]
Prior == Priors[seg]

\* CancelAllAlgo's constants that the log does not give (the configuration substitutes them): the log
\* does not say which calls are endless, and providers may try either final.
NoCalls == {}
TraceFinals == {"completed", "failed"}

Ev(t) == Log[t][pos[t] + 1]
Left(t) == pos[t] < Len(Log[t])

\* Thread t may take its next logged step only if no other thread's next step belongs to an operation
\* that returned before t's operation was invoked (that operation must be finished first).
MayStep(t) == \A u \in Threads \ {t} : Left(u) => ~(Ev(u).r < Ev(t).i)

Stutter == UNCHANGED vars

\* A sweep's logged visit of e.c: a won CAS from "idle" or "busy", or a read of anything else (no CAS),
\* which is CancelSweep's "nothing", or a stutter if the call was unlinked after the drain read its slot.
SweepStep(t, e) ==
    IF e.x \in {"idle", "busy"}
    THEN state[e.c] = e.x /\ CancelSweep(t, e.c)
    ELSE /\ state[e.c] \notin {"idle", "busy"}
         /\ \/ CancelSweep(t, e.c)
            \/ pc[t] = "sweep" /\ ~linked[e.c] /\ Stutter

\* The logged step e of thread t, as the CancelAllAlgo action it names, with the logged values.
Explain(t, e) ==
    CASE e.a = "BeginRead"       -> BeginRead(t, e.s, e.c)
      [] e.a = "BeginPublish"    -> tcall[t] = e.c /\ BeginPublish(t)
      [] e.a = "BeginRecheck"    -> tcall[t] = e.c /\ Closed(e.c) = (e.x = "closed") /\ BeginRecheck(t)
      [] e.a = "BeginSelfCancel" -> tcall[t] = e.c /\ (state[e.c] = "idle") = (e.x = "won") /\ BeginSelfCancel(t)
      [] e.a = "SignalClaim"     -> SignalClaim(t, e.c, e.k)
      [] e.a = "SignalCheck"     -> /\ tcall[t] = e.c
                                    /\ IF e.x = "closed" THEN SignalCheckClosed(t)
                                       ELSE IF e.x = "open" THEN SignalCheckOpen(t)
                                       ELSE e.x = "throw" /\ SignalCheckThrow(t)
      [] e.a = "BatchNext"       -> tcall[t] = e.c /\ BatchNext(t)
      [] e.a = "SignalReturn"    -> tcall[t] = e.c /\ (state[e.c] = "busy") = (e.x = "won") /\ SignalReturn(t)
      [] e.a = "SignalThrow"     -> tcall[t] = e.c /\ SignalThrow(t)
      [] e.a = "FinishClaim"     -> e.x \in ProviderFinals /\ FinishClaim(t, e.c, e.x)
      [] e.a = "FinishCheck"     -> tcall[t] = e.c /\ Closed(e.c) = (e.x = "closed") /\ FinishCheck(t)
      [] e.a = "FinishDecide"    -> tcall[t] = e.c /\ FinishDecide(t) /\ state'[e.c] = e.x
      [] e.a = "CancelClose"     -> CancelClose(t, e.s)
      [] e.a = "CancelSweep"     -> SweepStep(t, e)
      [] e.a = "CancelReturn"    -> csink[t] = e.s /\ CancelReturn(t)
      [] e.a = "Unlink"          -> fcall[t] = e.c /\ Unlink(t)
      [] e.a = "SendFinal"       -> fcall[t] = e.c /\ state[e.c] = e.x /\ SendFinal(t)
      [] e.a = "CasLost"         -> state[e.c] # e.x /\ Stutter
      [] e.a = "ClaimRefused"    -> IF e.c \in Prior THEN e.x = "final" /\ Stutter
                                    ELSE state[e.c] \in (IF e.x = "final" THEN Finals ELSE Held) /\ Stutter

TraceInit == seg \in 1..Len(Logs) /\ Init /\ pos = [t \in Threads |-> 0] /\ TLCSet(seg, 0)

\* A call of an earlier segment ended there (its quiet end was checked): it can only be refused.
TraceNext == \E t \in Threads :
    /\ Left(t) /\ MayStep(t)
    /\ Ev(t).c \in Prior => Ev(t).a = "ClaimRefused"
    /\ Explain(t, Ev(t))
    /\ pos' = [pos EXCEPT ![t] = @ + 1]
    /\ UNCHANGED seg

Accepted == /\ AllIdle /\ \A t \in Threads : ~Left(t)
            /\ QuietEnds[seg] => \A c \in Calls : state[c] \in Finals \cup {"none"}

(***************************************************************************)
(* How TLC reports, as CancelAllTrace does (TLC 2.18 has no ALIAS or      *)
(* POSTCONDITION): two always-TRUE constraints print "accepted" and the   *)
(* segment when a state explains the whole segment, and each new           *)
(* most-explained state (the segment, the steps explained, each thread's   *)
(* position and pc; register seg), so a rejected log's stuck steps are     *)
(* known.                                                                  *)
(***************************************************************************)
Explained == LET F[n \in 0..Len(Log)] == IF n = 0 THEN 0 ELSE pos[n] + F[n - 1] IN F[Len(Log)]
Track == IF Explained > TLCGet(seg) THEN TLCSet(seg, Explained) /\ PrintT(<<"explained", seg, Explained, pos, pc>>) ELSE TRUE
Witness == Accepted => PrintT(<<"accepted", seg>>)
=============================================================================
