/**
 * What the skill answers: one request handler per intent or request type, the account-linking guard they share
 * ({@code LinkedRequestHandler}) and the answers several give ({@code Replies}). Only {@link
 * io.github.asflink.skill.intents.Intents} is public: the assembly gets the handlers in their order from it, and
 * nothing else can construct or reorder them.
 */
package io.github.asflink.skill.intents;
