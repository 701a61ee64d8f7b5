// Temporary: replaced by the CSV reader and writer.
import ShiftcastCore
