"""Staff workspace: the patient list, patient records, assessments, progress and goals."""
