----------------- MODULE CancelAllAlgoSweepWaitsForCallback -----------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the algorithm's checks have teeth.   *)
(*                                                                         *)
(* cancel's sweep waits until a call whose callback is running lets go of  *)
(* its token (a spin on the state, or a lock the callback holds), then     *)
(* cancels it like an idle one. When no listener waits for anything, the   *)
(* callback returns and the cancel goes on, so every safety rule holds;    *)
(* but a listener that waits for the cancel to return (a caller holding a  *)
(* lock while it cancels) and this cancel wait for each other for ever.    *)
(* Expected: a deadlock, SC-11.                                            *)
(* Check with CancelAllAlgoWaits.cfg and SPECIFICATION BrokenSpec.         *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* ReferenceSink.sweep spinning while the call is BUSY instead of `cas(BUSY, BUSY_CANCEL)`.
SweepWaitingForTheCallback(t) == \E c \in Calls : state[c] # "busy" /\ CancelSweep(t, c)

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "sweep" /\ cseen'[t] # cseen[t], SweepWaitingForTheCallback)]_vars
=============================================================================
