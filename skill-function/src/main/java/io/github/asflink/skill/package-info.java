/**
 * The skill as Lambda runs it: the entry point ({@link io.github.asflink.skill.SkillHandler}), the assembly of
 * handlers, log line and apology, the configuration read once per execution environment, SnapStart priming, and the
 * one log line per request ({@code Turn}, {@code TurnLog}). The handlers live in {@code intents}, the calls to
 * Salesforce in {@code salesforce}, the spoken forms of values in {@code speech}; this package only wires them and
 * records what happened, so a handler can neither log a field of its own nor skip the log line.
 */
package io.github.asflink.skill;
