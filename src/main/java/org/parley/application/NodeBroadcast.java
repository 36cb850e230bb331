package org.parley.application;

/**
 * Tells every node, this one included, what its users must see wherever they are connected. On one
 * node that is itself; on several it is each of them (ARCHITECTURE.md, "Several nodes"). A
 * broadcast is a hint sent when the work that caused it commits: a node that misses one (it was
 * restarting) catches up from the store.
 */
public interface NodeBroadcast {

  /** A web chat reply was stored: the node holding its user's stream pushes it. */
  void webChatReply(WebChatReplies.Delivered reply);
}
