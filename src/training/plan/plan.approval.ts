import type { DocumentTypeInfo, GuardDeclaration } from '#core/approval';
import { checkPlanReadyToSubmit } from './plan.rules';
import { getPlanRow } from './plan.service';

// The plan's document opens the plan page, and cannot be submitted half written (ST-1).
export const planDocumentType: DocumentTypeInfo = {
  docType: 'training.plan',
  label: { zh: '校本培训计划', en: 'Training plan' },
  numberPrefix: 'PXJH',
  link: (id) => `/training/plans/${id}`,
  isGenericEditable: false,
};

export const planCompleteGuard: GuardDeclaration = {
  docType: 'training.plan',
  action: 'submit',
  name: 'training-plan-complete',
  fn: async (db, _actor, doc) => {
    const plan = await getPlanRow(db, doc.orgId, doc.id);
    const [first] = checkPlanReadyToSubmit({ ...plan, term: plan.term ?? null });
    return first ? { zh: `培训计划尚不完整：${first.message.zh}`, en: `The plan is not complete: ${first.message.en}` } : null;
  },
};
