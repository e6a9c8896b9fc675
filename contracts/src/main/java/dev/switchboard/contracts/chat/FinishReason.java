package dev.switchboard.contracts.chat;

/** Why generation stopped. */
public enum FinishReason { STOP, LENGTH, TOOL_CALLS, CONTENT_FILTER }
