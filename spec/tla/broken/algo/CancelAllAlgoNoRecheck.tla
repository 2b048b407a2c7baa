---------------------- MODULE CancelAllAlgoNoRecheck ----------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the algorithm's checks have teeth.   *)
(*                                                                         *)
(* begin publishes its call and returns without re-reading current, so a   *)
(* cancel that closed the generation between begin's read and its publish *)
(* and swept past the empty slot leaves the call pending in a closed       *)
(* generation that no cancel will ever visit again: a lost call.           *)
(* Expected: SC06_NoLostCall.                                              *)
(* Check with CancelAllAlgo.cfg and SPECIFICATION BrokenSpec.              *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* ReferenceSink.begin without `if (current != generation ...)`.
ReturnWithoutRecheck(t) ==
    /\ pc[t] = "recheck"
    /\ Goto(t, "idle")
    /\ tcall' = [tcall EXCEPT ![t] = NoCall]
    /\ UNCHANGED <<algo, idleCancels, tkind, tleft, csink, cgen, cmust, cseen, fcall>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "recheck", ReturnWithoutRecheck)]_vars
=============================================================================
