/* oscalid: the OSCAL names of a questionnaire's parts, written by the
 * OSCAL exports (report/oscal) and read back by the OSCAL mapping reader
 * (io/maposcal), so that both agree by construction.  An item "5.1.3.3"
 * is the control "item-5.1.3.3"; its question "5.1.3.3-a" the assessment
 * objective "item-5.1.3.3_obj.a".  OSCAL ids are tokens that start with a
 * letter; any other character becomes '_'. */
#ifndef KIJUN_OSCALID_H
#define KIJUN_OSCALID_H

#include "model/qn.h"

/* s with every character a token may not hold replaced by '_'. */
void oscal_token_tail(char *s);
/* "item-5.1.3.3": the control of a section (newly allocated). */
char *oscal_control_id(const qn_section *s);
/* "item-5.1.3.3_obj.a": the objective of question x (newly allocated). */
char *oscal_objective_id(const questionnaire *q, const qn_question *x);

#endif
