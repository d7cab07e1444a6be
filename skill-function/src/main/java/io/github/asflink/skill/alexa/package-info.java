/**
 * What the skill does with Alexa beyond the answer itself: the progressive response ({@link
 * io.github.asflink.skill.alexa.ProgressiveResponse}, "Let me check Salesforce." while the skill waits) and the list
 * screen for devices with APL ({@link io.github.asflink.skill.alexa.ListScreen} and the rows of each list answer,
 * {@link io.github.asflink.skill.alexa.ScreenRows}). Neither changes what the user hears: a failed progressive
 * response and a device without a screen leave the answer as it is.
 */
package io.github.asflink.skill.alexa;
