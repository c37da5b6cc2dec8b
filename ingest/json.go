package ingest

// jsonFormats are the JSON shapes of incident tools and status pages, each detected by content.
var jsonFormats = []Format{
	statuspageFormat,
	gcpStatusFormat,
	awsHealthFormat,
	cloudIncidentsFormat,
	jiraFormat,
	incidentIOFormat,
	pagerDutyFormat,
}
