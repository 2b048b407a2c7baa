----------------- MODULE CancelAllAlgoCheckFirstSignalOnly -----------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the CI bounds reach the race.        *)
(*                                                                         *)
(* deliver re-reads current after its claim only for a call's first       *)
(* signal, as if a generation found open once stayed open ("signal,       *)
(* return, signal again"): a cancel that closes the generation between the *)
(* first callback's return and the second claim is not seen, and a second  *)
(* object reaches the listener after the cancel's linearization point.     *)
(* With one signal per call there is no second signal and every check     *)
(* passes; CancelAllAlgo.cfg has two. Expected: SC04_SilentAfterCancel.   *)
(* Check with CancelAllAlgo.cfg and SPECIFICATION BrokenSpec.              *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* ReferenceSink.signal with `if (call.generationClosed())` skipped once the call has had an object.
CheckFirstSignalOnly(t) ==
    /\ pc[t] = "scheck"
    /\ IF ObjectCount(tcall[t]) = 0
       THEN SignalCheckClosed(t) \/ SignalCheckOpen(t) \/ SignalCheckThrow(t)
       ELSE /\ heard' = [heard EXCEPT ![tcall[t]] = Append(@, "object")]
            /\ Goto(t, "callback")
            /\ UNCHANGED <<current, owner, gen, state, linked, faulted, idleCancels, tcall, tkind, tleft, csink, cgen, cmust, cseen, fcall>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "scheck", CheckFirstSignalOnly)]_vars
=============================================================================
