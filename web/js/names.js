// Seat names and ordering from the public view (seats are keyed by code).

export const seatName = (state, code) => state?.seats?.[code]?.name ?? code;

/** Seat codes in roll order (by name, as the committee's collation defaults to the name). */
export function rollOrder(state, filter = () => true) {
  return Object.entries(state?.seats ?? {})
    .filter(([code, s]) => filter(s, code))
    .sort((a, b) => a[1].name.localeCompare(b[1].name, 'en'))
    .map(([code]) => code);
}

export const isMember = (s) => s.kind === 'member';

export const CHOICE_LABEL = { yes: 'Yes', no: 'No', abstain: 'Abstain', pass: 'Pass' };

export const MOTION_LABEL = {
  set_speaking_time: 'Set speaking time', moderated_caucus: 'Moderated caucus',
  unmoderated_caucus: 'Unmoderated caucus', extend_caucus: 'Extend caucus',
  suspend_meeting: 'Suspend the meeting', adjourn_meeting: 'Adjourn the meeting',
  adjourn_debate: 'Adjourn debate', resume_debate: 'Resume debate', close_debate: 'Close debate',
  set_agenda: 'Set the agenda', introduce_draft: 'Introduce draft', introduce_amendment: 'Introduce amendment',
  divide_question: 'Divide the question', reorder_drafts: 'Reorder drafts', roll_call_vote: 'Roll-call vote',
  reconsider: 'Reconsider', appeal: 'Appeal the ruling',
};

export const POINT_LABEL = {
  order: 'Point of order', personal_privilege: 'Point of personal privilege',
  parliamentary_inquiry: 'Point of parliamentary inquiry', information: 'Point of information',
};
