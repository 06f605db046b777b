/** The accompaniment feature's part of the options page: the help places file, the notes on guides, the activity report. */
import ActivityOptions from './ActivityOptions';
import { FeedbackOptions } from './FeedbackOptions';
import { PlacesOptions } from './PlacesOptions';

export default function AccompanimentOptions() {
  return (
    <>
      <PlacesOptions />
      <FeedbackOptions />
      <ActivityOptions />
    </>
  );
}
