------------------- MODULE CancelAllAlgoSweepSkipsBusy --------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the algorithm's checks have teeth.   *)
(*                                                                         *)
(* cancel's sweep passes over a call whose callback is running instead of  *)
(* marking it BUSY_CANCEL: the callback returns, releases the token, and   *)
(* the call sits pending in a closed generation for ever, never told.      *)
(* Expected: SC06_NoLostCall.                                              *)
(* Check with CancelAllAlgo.cfg and SPECIFICATION BrokenSpec.              *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* ReferenceSink.sweep without the `cas(BUSY, BUSY_CANCEL)` branch.
SweepIdleOnly(t) ==
    \E c \in Calls :
        /\ pc[t] = "sweep" /\ c \in Registry(csink[t], cgen[t]) \ cseen[t]
        /\ cseen' = [cseen EXCEPT ![t] = @ \cup {c}]
        /\ IF state[c] = "idle"
           THEN state' = [state EXCEPT ![c] = "cancelled"] /\ EndCall(t, c)
           ELSE UNCHANGED <<state, pc, fcall>>
        /\ UNCHANGED <<current, owner, gen, linked, heard, faulted, idleCancels, tcall, tkind, csink, cgen, cmust>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "sweep" /\ cseen'[t] # cseen[t], SweepIdleOnly)]_vars
=============================================================================
