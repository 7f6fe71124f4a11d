/**
 * Glue between the application and the Camunda engine: the engine's clock, the current actor and system authority,
 * start-up ordering. The only package that uses the engine's internal API ({@code org.camunda.bpm.engine.impl}), so
 * that a future engine (or a fork) is adapted here.
 */
package cn.renda.proposals.platform;
