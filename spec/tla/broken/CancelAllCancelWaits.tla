------------------------ MODULE CancelAllCancelWaits ------------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the CI configuration catches it.     *)
(*                                                                         *)
(* A "drain first" cancel: Cancel(s) waits until the providers of its      *)
(* pending calls have no more signals to send. Each step it takes is       *)
(* right, so every safety rule holds; but a subscription whose provider    *)
(* stays silent is never cancelled, however often the client asks.         *)
(* Expected: TLC reports the liveness property SC10_EveryCallEnds with a   *)
(* behaviour that begins a subscription and then loops without ending it.  *)
(*                                                                         *)
(* Check with CancelAll.cfg and SPECIFICATION BrokenSpec.                  *)
(***************************************************************************)
EXTENDS CancelAll

\* Cancel(s), enabled only once no pending call of s can still be signalled.
CancelWaitingForProviders(s) ==
    /\ \A c \in PendingOf(s) : ~CanSignal(c)
    /\ Cancel(s)

\* The real Next with Cancel(s) swapped for the broken one, and the client's fairness moved to it.
BrokenNext ==
    \/ \E s \in Sinks : (\E c \in Calls : Begin(s, c)) \/ CancelWaitingForProviders(s)
    \/ ProviderStep
    \/ ListenerStep

BrokenSpec == Init /\ [][BrokenNext]_vars /\ \A s \in Sinks : WF_vars(PendingOf(s) # {} /\ CancelWaitingForProviders(s))
=============================================================================
