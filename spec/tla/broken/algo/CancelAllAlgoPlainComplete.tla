-------------------- MODULE CancelAllAlgoPlainComplete --------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the algorithm's checks have teeth.   *)
(*                                                                         *)
(* complete does not take the call's token with a CAS: it reads the state, *)
(* sees no final, and later writes COMPLETED with a plain store. A cancel  *)
(* sweeping in between cancels the call and sends onCancelled; the         *)
(* complete then overwrites the final and sends onCompleted too. Before    *)
(* that, a cancel closing the generation while the complete is decided     *)
(* tells the provider "cancelled" of a call that completes.                *)
(* Expected: SC12_ProviderTold (first, in TLC's breadth-first order), then *)
(* SC05_FinalIsForever (a second final).                                   *)
(* Check with CancelAllAlgo.cfg and SPECIFICATION BrokenSpec.              *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* ReferenceSink.finish with `if (state < COMPLETED)` instead of claim's `cas(IDLE, BUSY)`.
ReadInsteadOfClaim(t) ==
    \E c \in Calls, k \in ProviderFinals :
        /\ pc[t] = "idle" /\ state[c] \in {"idle", "busy", "busycancel"} /\ owner[c] \in Sinks
        /\ c \notin Endless
        /\ \A u \in Threads : tcall[u] # c
        /\ tcall' = [tcall EXCEPT ![t] = c]
        /\ tkind' = [tkind EXCEPT ![t] = k]
        /\ Goto(t, "fcheck")
        /\ UNCHANGED <<algo, idleCancels, tleft, csink, cgen, cmust, cseen, fcall>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "idle" /\ pc'[t] = "fcheck", ReadInsteadOfClaim)]_vars
=============================================================================
