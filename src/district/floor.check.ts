import { AppError } from '#core/errors';
import { getPolicy, type PolicyCheck } from '#core/policy';
import { findAcceptedDistricts } from './link.service';

/**
 * Issue 12: a district publishes a floor (district.floor in its policy) and the schools that
 * accepted its link may raise their yearly minimum credits but not set it below the floor. A
 * school already below a floor raised after it saved may still edit anything that does not
 * lower the value further.
 */
export const districtFloorCheck: PolicyCheck = async (db, { orgId, before, after, locale }) => {
  const proposed = after.training.creditsPerYear;
  if (proposed >= before.training.creditsPerYear) return;
  for (const district of await findAcceptedDistricts(db, orgId)) {
    const floor = (await getPolicy(db, district.id)).district.floor.creditsPerYear;
    if (proposed < floor) {
      const field = 'training.creditsPerYear';
      const zh = `每学年最低学分不得低于${district.name}发布的下限 ${floor} 学分（拟改为 ${proposed}）`;
      const en = `Minimum credits per school year may not go below the floor of ${floor} published by ${district.name} (proposed ${proposed})`;
      throw new AppError('VALIDATION_FAILED', `${field}：${zh}`, `${field}: ${en}`, [{ field, reason: locale === 'en' ? en : zh }]);
    }
  }
};
