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
        \/ state[c] # "busy" /\ CancelSweep(t, c)
        \/ /\ state[c] = "busy" /\ pc[t] = "sweep" /\ c \in Registry(csink[t], cgen[t]) \ cseen[t]
           /\ cseen' = [cseen EXCEPT ![t] = @ \cup {c}]
           /\ linked' = [linked EXCEPT ![c] = FALSE]
           /\ UNCHANGED <<current, owner, gen, state, heard, faulted, idleCancels, pc, tcall, tkind, tleft, csink, cgen, cmust, fcall>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "sweep" /\ cseen'[t] # cseen[t], SweepIdleOnly)]_vars
=============================================================================
