package ingest

// The names tracker columns go by, normalised by normColumn, and the field each fills. A name
// not listed here is looked up among the Markdown importer's metadata keys and section headings.

// csvFieldAliases are other names `--map` accepts for a field.
var csvFieldAliases = map[string]string{
	"responders": colPeople, "responder": colPeople, "participants": colPeople, "owner": colLead,
	"started": colStarted, "start": colStarted, "resolved": colResolved, "end": colResolved,
	"detected": colDetected, "mitigated": colMitigated, "reviewed": colReviewed, "description": kindSummary,
	"labels": colTags, "services": colComponents, "root_cause": colFactors, "action_items": colActions,
	"name": colTitle, "type": colKind, "priority": colSeverity, "skip": colIgnore,
}

// csvColumnNames map normalised column names (see normColumn) to the field they fill. Names not
// here are looked up among the Markdown importer's metadata keys (metaField).
var csvColumnNames = map[string]string{
	"id": colID, "incident id": colID, "incident key": colID, "key": colID, "incident no": colID,
	"incident nr": colID, "incident number": colID, "ticket": colID, "ticket id": colID, "ref": colID,
	"reference": colID, "number": colID, "pm id": colID, "postmortem id": colID,

	"title": colTitle, "name": colTitle, "incident name": colTitle, "incident title": colTitle,
	"subject": colTitle, "headline": colTitle, "short description": colTitle, "incident": colTitle,
	"summary short": colTitle, "short summary": colTitle,

	"summary": kindSummary, "description": kindSummary, "details": kindSummary, "incident summary": kindSummary,
	"overview": kindSummary, "what happened": kindSummary, "long description": kindSummary,
	"impact": kindImpact, "impact symptoms": kindImpact, "customer impact": kindImpact, "user impact": kindImpact,
	"impact description": kindImpact, "symptoms": kindImpact, "business impact": kindImpact,
	"resolution": kindResolution, "mitigation": kindResolution, "fix": kindResolution, "workaround": kindResolution,
	"resolution notes": kindResolution, "detection": kindDetection, "how detected": kindDetection,
	"detection method": kindDetection, "lessons learned": kindLessons, "lessons": kindLessons,
	"learnings": kindLessons, "takeaways": kindLessons, "timeline": kindTimeline,

	"root cause": colFactors, "root causes": colFactors, "cause": colFactors, "causes": colFactors,
	"contributing factors": colFactors, "contributing factor": colFactors, "factors": colFactors,
	"trigger": colFactors, "triggers": colFactors, "root cause description": colFactors,
	"root cause analysis": colFactors, "rca": colFactors, "why": colFactors,

	"actions": colActions, "action items": colActions, "action item": colActions, "action": colActions,
	"mitigation actions": colActions, "follow ups": colActions, "follow up": colActions,
	"followups": colActions, "follow up actions": colActions, "remediation": colActions,
	"remediations": colActions, "remediation actions": colActions, "corrective actions": colActions,
	"next steps": colActions, "preventive actions": colActions, "preventative actions": colActions,
	"tasks": colActions, "todo": colActions, "follow up items": colActions,

	"responders": colPeople, "people": colPeople, "participants": colPeople, "involved": colPeople,
	"on call": colPeople, "oncall": colPeople, "engineers": colPeople, "team members": colPeople,
	"assignees": colPeople, "responder": colPeople, "attendees": colAttendees,
	"lead": colLead, "commander": colLead, "incident commander": colLead, "ic": colLead, "owner": colLead,
	"incident lead": colLead, "incident owner": colLead, "incident manager": colLead, "coordinator": colLead,
	"author": colAuthor, "authors": colAuthor, "written by": colAuthor, "postmortem author": colAuthor,
	"postmortem owner": colAuthor,

	"status": colStatus, "state": colStatus, "incident status": colStatus,
	"tags": colTags, "tag": colTags, "labels": colTags, "label": colTags, "category": colTags,
	"categories": colTags, "keywords": colTags, "classification": colTags,
	"type": colKind, "incident type": colKind, "kind": colKind, "event type": colKind,

	"services": colComponents, "service": colComponents, "components": colComponents, "component": colComponents,
	"component s": colComponents, "services affected": colComponents, "affected services": colComponents,
	"affected service": colComponents, "system": colComponents, "systems": colComponents,
	"affected systems": colComponents, "affected components": colComponents, "affected component": colComponents,
	"application": colComponents, "applications": colComponents, "app": colComponents, "apps": colComponents,
	"product": colComponents, "products": colComponents,

	"severity": colSeverity, "sev": colSeverity, "priority": colSeverity, "severity level": colSeverity,
	"incident severity": colSeverity, "incident priority": colSeverity, "impact level": colSeverity,
	"level": colSeverity, "urgency": colSeverity, "sev level": colSeverity,

	"date": colDate, "incident date": colDate, "day": colDate, "occurred": colDate, "occurred on": colDate,
	"date of incident": colDate,
	"started":          colStarted, "start": colStarted, "start time": colStarted, "started at": colStarted,
	"start date": colStarted, "start datetime": colStarted, "began": colStarted, "incident start": colStarted,
	"outage start": colStarted, "impact start": colStarted, "start timestamp": colStarted, "time": colStarted,
	"incident time": colStarted, "time started": colStarted, "when": colStarted, "occurred at": colStarted,
	"detected": colDetected, "detected at": colDetected, "detection time": colDetected, "time detected": colDetected,
	"reported": colDetected, "reported at": colDetected, "opened": colDetected, "opened at": colDetected,
	"created": colDetected, "created at": colDetected, "declared": colDetected, "declared at": colDetected,
	"mitigated": colMitigated, "mitigated at": colMitigated, "mitigation time": colMitigated,
	"stable at": colMitigated, "stabilized at": colMitigated,
	"resolved": colResolved, "resolved at": colResolved, "end": colResolved, "ended": colResolved,
	"end time": colResolved, "ended at": colResolved, "end date": colResolved, "closed": colResolved,
	"closed at": colResolved, "resolution time": colResolved, "recovered": colResolved,
	"recovered at": colResolved, "restored at": colResolved, "outage end": colResolved, "impact end": colResolved,
	"reviewed": colReviewed, "reviewed at": colReviewed, "review date": colReviewed,
	"postmortem date": colReviewed, "post mortem date": colReviewed, "retro date": colReviewed,
	"pir date": colReviewed, "retrospective date": colReviewed,

	"duration": colDuration, "outage duration": colDuration, "incident duration": colDuration,
	"total duration": colDuration, "impact duration": colDuration, "downtime": colDuration, "ttr": colDuration,
	"mttr": colDuration, "time to resolve": colDuration, "time to recovery": colDuration,
	"time to restore": colDuration, "time to resolution": colDuration, "time to repair": colDuration,
	"duration minutes": colDurationMin, "duration mins": colDurationMin, "duration min": colDurationMin,
	"downtime minutes": colDurationMin, "minutes": colDurationMin, "ttr minutes": colDurationMin,
	"duration hours": colDurationHrs, "duration hrs": colDurationHrs, "downtime hours": colDurationHrs,
	"hours": colDurationHrs, "ttr hours": colDurationHrs,
	"ttd": colTTD, "time to detect": colTTD, "time to detection": colTTD, "mttd": colTTD,
	"ttm": colTTM, "time to mitigate": colTTM, "time to mitigation": colTTM,
	"timezone": colZone, "time zone": colZone, "tz": colZone,

	"provider": colDimension, "vendor": colDimension, "cloud": colDimension, "platform": colDimension,
	"region": colDimension, "environment": colDimension, "env": colDimension, "team": colDimension,
	"owning team": colDimension, "responsible team": colDimension, "datacenter": colDimension,
	"data center": colDimension,
}

// metaColumnFields translate the Markdown importer's metadata fields to tracker fields.
var metaColumnFields = map[string]string{
	"severity": colSeverity, "date": colDate, "start": colStarted, "end": colResolved,
	"detected": colDetected, "mitigated": colMitigated, "duration": colDuration, "ttd": colTTD,
	"ttr": colDuration, "mttr": colDuration, "ttm": colTTM, "tags": colTags, "components": colComponents,
	"lead": colLead, "responder": colPeople, "author": colAuthor, "attendee": colAttendees, "owner": colLead,
	"reviewed": colReviewed, "id": colID, "kind": colKind, "status": colStatus,
}

// genericTimeColumns are time columns every database table has; they say nothing about incidents.
var genericTimeColumns = map[string]bool{
	"created": true, "created at": true, "opened": true, "opened at": true,
}
