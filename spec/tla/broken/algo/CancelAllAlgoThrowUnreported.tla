------------------- MODULE CancelAllAlgoThrowUnreported --------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the refinement has teeth, and that  *)
(* a refinement failure reads as a numbered counterexample.                *)
(*                                                                         *)
(* A listener that throws gets its call cancelled, but the sink swallows   *)
(* the error instead of reporting it. Every algorithm-level rule holds     *)
(* (the call is cancelled and ends once); only the refinement sees that    *)
(* the abstract ListenerThrows step, which reports, has been undone.       *)
(* Expected: AbstractSafety, and with fairness Refinement.                 *)
(* Check with CancelAllAlgo.cfg and SPECIFICATION BrokenSpec.              *)
(* Check with CancelAllAlgoLive.cfg and SPECIFICATION BrokenLiveSpec.      *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* ReferenceSink.signal's `catch (Throwable thrown)` without the report.
ThrowSwallowed(t) ==
    /\ pc[t] = "throwing"
    /\ state' = [state EXCEPT ![tcall[t]] = "cancelled"]
    /\ EndCall(t, tcall[t])
    /\ tcall' = [tcall EXCEPT ![t] = NoCall]
    /\ UNCHANGED <<current, owner, gen, linked, heard, faulted, idleCancels, tkind, tleft, csink, cgen, cmust, cseen>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "throwing", ThrowSwallowed)]_vars
BrokenLiveSpec == BrokenSpec /\ Fairness
=============================================================================
