/**
 * Values as Alexa should say them: SSML-escaped text, amounts and counts, dates. Pure functions with no Salesforce or
 * SDK types, so the handlers and their tests share one spoken form of everything.
 */
package io.github.asflink.skill.speech;
