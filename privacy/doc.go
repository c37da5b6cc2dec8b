// Package privacy sits at the end of the metamortem pipeline, between analysis/ and whatever
// leaves the machine (command output, reports): it replaces people's names with stable
// pseudonyms so that results about people can be shared without naming them.
//
// It lives outside analysis/ because it computes nothing about incidents: it is applied on the
// way out, by the commands and by reports alike, to names the analyses produced. It promises
// that the same name and key always give the same pseudonym, on any machine and in any run, and
// that two different names in one set never share one. It does no input or output: the key is
// passed in by the caller (the command reads METAMORTEM_PSEUDONYM_KEY).
package privacy
