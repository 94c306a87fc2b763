// The messages between the Request Production Access page and its host: imported by both sides, types only.
import type { Advice } from '../production/advice';
import type { FieldProblem, ProductionDraft } from '../production/validate';

export type { Advice, FieldProblem, ProductionDraft };

/** The region's account as the form shows it: sandbox or production, and the review of the last request. */
export interface ReviewView {
  region: string;
  productionAccess: boolean;
  status?: string;
  caseId?: string;
  /** Set when the account could not be read. */
  loadError?: string;
}

export type ToProductionPage =
  | { type: 'init'; draft: ProductionDraft; regions: string[] }
  | { type: 'review'; review: ReviewView }
  | { type: 'check'; problems: FieldProblem[]; advice: Advice[] }
  | { type: 'submitting' }
  | { type: 'submitted'; review: ReviewView }
  | { type: 'failed'; message: string; problems: FieldProblem[] };

export type FromProductionPage =
  | { type: 'ready' }
  | { type: 'draft'; draft: ProductionDraft }
  | { type: 'submit'; draft: ProductionDraft }
  | { type: 'openGuide' };
