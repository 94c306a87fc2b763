export { diagnose, normalizePasswordShape } from './diagnose';
export { explain, PREFLIGHT_ONLY_KINDS } from './explanations';
export type { ExplainKind, Explained, Facts, PreflightOnlyKind } from './explanations';
export { DIAGNOSIS_KINDS, isDiagnosisKind } from './types';
export type { Diagnosis, DiagnosisContext, DiagnosisKind, Fix, FixType, SimulatorScenario, VerifiedIdentities } from './types';
export { formatDiagnosis } from './format';
