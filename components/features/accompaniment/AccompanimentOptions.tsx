/** The accompaniment feature's part of the options page: the help places file, then the activity report. */
import ActivityOptions from './ActivityOptions';
import { PlacesOptions } from './PlacesOptions';

export default function AccompanimentOptions() {
  return (
    <>
      <PlacesOptions />
      <ActivityOptions />
    </>
  );
}
