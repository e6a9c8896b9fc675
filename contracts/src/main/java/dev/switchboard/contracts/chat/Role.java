package dev.switchboard.contracts.chat;

/** Who said a message. OpenAI's {@code developer} role decodes to {@link #SYSTEM}. */
public enum Role { SYSTEM, USER, ASSISTANT, TOOL }
