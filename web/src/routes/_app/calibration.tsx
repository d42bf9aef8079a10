import { createFileRoute } from '@tanstack/react-router';
import { CalibrationPage } from '../../features/calibration/CalibrationPage';
import { validateCalibrationSearch } from '../../features/calibration/calibration';

export const Route = createFileRoute('/_app/calibration')({
  validateSearch: validateCalibrationSearch,
  component: CalibrationPage,
});
