------------------ MODULE CancelAllAlgoNoCheckAfterClaim ------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the algorithm's checks have teeth.   *)
(*                                                                         *)
(* deliver takes the token and runs onObject without re-reading current:   *)
(* a cancel that closed the generation before the claim (its sweep not yet *)
(* there) has already cancelled the call, and an object still reaches the  *)
(* listener after the cancel's linearization point.                        *)
(* Expected: SC04_SilentAfterCancel.                                       *)
(* Check with CancelAllAlgo.cfg and SPECIFICATION BrokenSpec.              *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* ReferenceSink.signal without `if (call.generationClosed())`.
CallbackWithoutCheck(t) ==
    /\ pc[t] = "scheck"
    /\ heard' = [heard EXCEPT ![tcall[t]] = Append(@, "object")]
    /\ Goto(t, "callback")
    /\ UNCHANGED <<current, owner, gen, state, linked, faulted, idleCancels, tcall, tkind, tleft, csink, cgen, cmust, cseen, fcall>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "scheck", CallbackWithoutCheck)]_vars
=============================================================================
