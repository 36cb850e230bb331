package org.parley.application;

/**
 * Where replies wait for their platform: in each user's order, in the transaction of the message
 * they answer (a reply is queued exactly when the message's handling commits).
 */
public interface OutboundQueue {

  void enqueue(OutboundReply reply);
}
