/**
 * Every rule, in the order they run. Add a rule by importing its file here; `test/rules-registry.test.ts`
 * checks ids and codes are unique and that each rule has fixtures and generated docs.
 */
import type { ProjectRule } from '../src/rule.js';
import jsonSyntax from './config/json-syntax.js';
import unreadableFile from './config/unreadable-file.js';
import schema from './config/schema.js';
import legacyProjectFile from './config/legacy-project-file.js';
import awsTargets from './config/aws-targets.js';
import unknownKey from './config/unknown-key.js';
import credentialReferenceExists from './config/credential-reference-exists.js';
import credentialKindMatchesAuth from './config/credential-kind-matches-auth.js';
import policyEngineReferenceExists from './config/policy-engine-reference-exists.js';
import uniqueTargetNames from './config/unique-target-names.js';
import targetNameApiPattern from './config/target-name-api-pattern.js';
import toolNameLimits from './config/tool-name-limits.js';
import referencedFilesExist from './config/referenced-files-exist.js';
import toolSchemaFileShape from './config/tool-schema-file-shape.js';
import openapiSchema from './config/openapi-schema.js';
import noSecretsInEnvVars from './config/no-secrets-in-env-vars.js';
import gatewayInboundAuthNone from './config/gateway-inbound-auth-none.js';
import gatewayAuthorizerConfigIgnored from './config/gateway-authorizer-config-ignored.js';
import gatewaySemanticSearch from './config/gateway-semantic-search.js';
import mcpEndpointHttps from './config/mcp-endpoint-https.js';
import gatewayTargetInvertedFlow from './config/gateway-target-inverted-flow.js';
import envVarNameCollision from './config/env-var-name-collision.js';
import physicalNameLength from './config/physical-name-length.js';
import duplicateEnvVarNames from './config/duplicate-env-var-names.js';
import policyNameUniqueAcrossEngines from './config/policy-name-unique-across-engines.js';
import debugAndLogOnlyModes from './config/debug-and-log-only-modes.js';
import envLocalNotCommitted from './config/env-local-not-committed.js';
import credentialMissingLocalValue from './config/credential-missing-local-value.js';
import uniqueNames from './config/unique-names.js';
import projectNameReserved from './config/project-name-reserved.js';
import targetTypeFields from './config/target-type-fields.js';
import outboundAuth from './config/outbound-auth.js';
import gatewayProtocol from './config/gateway-protocol.js';
import customJwtRequired from './config/custom-jwt-required.js';
import customJwtConfig from './config/custom-jwt-config.js';
import toolComputeLanguage from './config/tool-compute-language.js';
import runtimeNetwork from './config/runtime-network.js';
import runtimeCapacityProvider from './config/runtime-capacity-provider.js';
import runtimeContainerBuild from './config/runtime-container-build.js';
import runtimeFilesystem from './config/runtime-filesystem.js';
import runtimeLifecycle from './config/runtime-lifecycle.js';
import runtimeRequestHeaders from './config/runtime-request-headers.js';
import crossReferences from './config/cross-references.js';
import memoryStrategies from './config/memory-strategies.js';
import memoryIndexedKeys from './config/memory-indexed-keys.js';
import tags from './config/tags.js';
import harnessConfig from './config/harness-config.js';
import onlineEvalConfig from './config/online-eval-config.js';
import abTestVariants from './config/ab-test-variants.js';
import paymentConnectors from './config/payment-connectors.js';
import paymentCredentialLocalValues from './config/payment-credential-local-values.js';
import evaluatorConfig from './config/evaluator-config.js';
import knowledgeBaseDataSources from './config/knowledge-base-data-sources.js';
import policySyntax from './policy/policy-syntax.js';
import suppressionDirective from './source/suppression-directive.js';
import policyUnknownAction from './policy/policy-unknown-action.js';
import policyEntityType from './policy/policy-entity-type.js';
import policyPrincipalType from './policy/policy-principal-type.js';
import policyPrincipalAttribute from './policy/policy-principal-attribute.js';
import policyTagUnguarded from './policy/policy-tag-unguarded.js';
import policyContext from './policy/policy-context.js';
import policyInput from './policy/policy-input.js';
import policyGatewayArn from './policy/policy-gateway-arn.js';
import policyEffect from './policy/policy-effect.js';
import policyEngineAttachment from './policy/policy-engine-attachment.js';
import policySourceDrift from './policy/policy-source-drift.js';
import unknownToolCall from './source/unknown-tool-call.js';
import noInlineSecrets from './source/no-inline-secrets.js';
import directHttpCall from './source/direct-http-call.js';
import vendorKeyFromEnv from './source/vendor-key-from-env.js';
import gatewayUrlUnguarded from './source/gateway-url-unguarded.js';
import unknownResourceName from './source/unknown-resource-name.js';
import gatewayUrlUnread from './source/gateway-url-unread.js';

export const projectRules: ProjectRule[] = [
  jsonSyntax,
  unreadableFile,
  legacyProjectFile,
  schema,
  awsTargets,
  unknownKey,
  credentialReferenceExists,
  credentialKindMatchesAuth,
  policyEngineReferenceExists,
  uniqueTargetNames,
  targetNameApiPattern,
  toolNameLimits,
  referencedFilesExist,
  toolSchemaFileShape,
  openapiSchema,
  noSecretsInEnvVars,
  gatewayInboundAuthNone,
  gatewayAuthorizerConfigIgnored,
  gatewaySemanticSearch,
  mcpEndpointHttps,
  gatewayTargetInvertedFlow,
  envVarNameCollision,
  physicalNameLength,
  duplicateEnvVarNames,
  policyNameUniqueAcrossEngines,
  debugAndLogOnlyModes,
  envLocalNotCommitted,
  credentialMissingLocalValue,
  uniqueNames,
  projectNameReserved,
  targetTypeFields,
  outboundAuth,
  gatewayProtocol,
  customJwtRequired,
  customJwtConfig,
  toolComputeLanguage,
  runtimeNetwork,
  runtimeCapacityProvider,
  runtimeContainerBuild,
  runtimeFilesystem,
  runtimeLifecycle,
  runtimeRequestHeaders,
  crossReferences,
  paymentConnectors,
  paymentCredentialLocalValues,
  memoryStrategies,
  memoryIndexedKeys,
  tags,
  harnessConfig,
  onlineEvalConfig,
  abTestVariants,
  evaluatorConfig,
  knowledgeBaseDataSources,
  policySyntax,
  suppressionDirective,
  policyUnknownAction,
  policyEntityType,
  policyPrincipalType,
  policyPrincipalAttribute,
  policyTagUnguarded,
  policyContext,
  policyInput,
  policyGatewayArn,
  policyEffect,
  policyEngineAttachment,
  policySourceDrift,
  unknownToolCall,
  noInlineSecrets,
  directHttpCall,
  vendorKeyFromEnv,
  gatewayUrlUnguarded,
  unknownResourceName,
  gatewayUrlUnread,
];
