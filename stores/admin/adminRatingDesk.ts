import {
  isBadRating,
  openWorkOrder,
  type GivenRating,
  type HallAdmin,
  type Rating,
  type RatingDesk,
  type RatingSubject,
  type WorkingCalendar,
} from '../../domain';

/**
 * 好差评 kept in the console's store: each offer as it is shown (counted for 主动评价率), each
 * rating with its offer marked rated, and for a bad one its work order, due `workingDays`
 * working days later by the hall's calendar, in the same transaction.
 */
export class AdminRatingDesk implements RatingDesk {
  constructor(
    private readonly admin: Pick<HallAdmin, 'recordOffer' | 'addRating'>,
    private readonly options: {
      kioskId: string;
      calendar: WorkingCalendar;
      timeZone: string;
      workingDays?: number;
      now?: () => Date;
    },
  ) {}

  async offer(subject: RatingSubject): Promise<string> {
    const id = crypto.randomUUID();
    await this.admin.recordOffer({
      id,
      at: this.#now().toISOString(),
      kioskId: this.options.kioskId,
      subject,
      rated: false,
    });
    return id;
  }

  async rate(offerId: string, subject: RatingSubject, given: GivenRating): Promise<void> {
    // An offer that could not be recorded when shown is recorded now: the rating still counts.
    const offer = offerId !== '' ? offerId : await this.offer(subject);
    const rating: Rating = {
      id: crypto.randomUUID(),
      at: this.#now().toISOString(),
      kioskId: this.options.kioskId,
      subject,
      level: given.level,
      reasons: given.reasons,
      otherText: given.otherText,
      callbackPhone: given.callbackPhone,
    };
    const order = isBadRating(rating.level)
      ? openWorkOrder(
          rating,
          this.options.calendar,
          this.options.timeZone,
          this.options.workingDays,
        )
      : null;
    await this.admin.addRating(rating, offer, order);
  }

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
