<?xml version="1.0" encoding="UTF-8"?>
<!--
  packet.xsl: the applicant's application packet and portfolio summary.

  Input: <present xmlns="urn:endorse:present:1"> with one <entry> holding
  the checklist (urn:endorse:checklist:1) and the portfolio it was made
  from (urn:endorse:portfolio:1); endorse builds it in memory.
  Parameters: created (the PDF date: YYYY-MM-DD or a dateTime).
  Output: a layout document (schemas/layout.xsd) for the typesetter.

  Written about the applicant, in the third person, everywhere (cover,
  section texts, notes); the checklist's sentences print as the
  evaluation words them.  A cover with the result and, when something is
  missing, what is missing; the checklist summary with each requirement's
  source line and links to the sections; one section per part of the
  portfolio; and "what is missing before submission".  The document
  title is the one level-1 heading; the parts are level 2.  Every piece
  of applicant data goes in a <span field="..."> so that a character no
  font has is reported with the field it is in.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:e="urn:endorse:present:1"
    xmlns:c="urn:endorse:checklist:1"
    xmlns:p="urn:endorse:portfolio:1"
    xmlns="urn:endorse:layout:1"
    exclude-result-prefixes="e c p">

  <xsl:include href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="created" select="'2000-01-01'"/>

  <!-- Look-ups done once per course or session: by key, not by a
       search of every item each time (2,000 courses, 2,000 sessions). -->
  <xsl:key name="hours-item" match="c:rule[@type = 'hours']/c:evidence/c:item" use="concat(generate-id(../..), ' ', @n)"/>
  <xsl:key name="unqualified" match="c:rule[@type = 'rsc-provider']/c:evidence/c:item[@status = 'excluded']" use="concat(generate-id(../../..), ' ', @ref)"/>
  <xsl:key name="position-item" match="c:rule[@type = 'experience']/c:evidence/c:item[@n]" use="concat(generate-id(../../..), ' ', @n)"/>
  <xsl:key name="person" match="p:people/p:person" use="concat(generate-id(../..), ' ', @id)"/>

  <xsl:variable name="cl" select="/e:present/e:entry[1]/c:checklist"/>
  <xsl:variable name="pf" select="/e:present/e:entry[1]/p:portfolio"/>
  <xsl:variable name="name" select="string($pf/p:applicant/p:name)"/>

  <!-- Which section of the packet shows a rule's evidence. -->
  <xsl:template name="section-of">
    <xsl:param name="type"/>
    <xsl:choose>
      <xsl:when test="$type = 'degree' or $type = 'transcripts' or $type = 'on-request'">education</xsl:when>
      <xsl:when test="$type = 'hours' or $type = 'judgement'">training</xsl:when>
      <xsl:when test="$type = 'experience' or $type = 'leadership-scope'">experience</xsl:when>
      <xsl:when test="starts-with($type, 'rsc-')">rsc</xsl:when>
      <xsl:when test="$type = 'references' or $type = 'rater-endorsed' or $type = 'reference-roles'">references</xsl:when>
      <xsl:otherwise>attestations</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/">
    <document created="{$created}" page-size="letter" lang="en">
      <title><xsl:value-of select="concat('Application packet: ', substring($name, 1, 200))"/></title>
      <author><xsl:value-of select="$cl/@association-name"/></author>
      <subject><xsl:value-of select="concat($cl/@title, ', ', $cl/@track-name, ' track: application packet and portfolio summary')"/></subject>
      <keywords><xsl:value-of select="concat('endorsement, ', $cl/@association, ', Level ', $cl/@level, ', ', $cl/@track-name, ', application packet')"/></keywords>
      <header>
        <left><xsl:value-of select="$cl/@association"/></left>
        <center>Application packet</center>
        <right><xsl:value-of select="substring($name, 1, 200)"/></right>
      </header>
      <footer>
        <left><xsl:value-of select="concat('Evaluated as of ', $cl/@as-of)"/></left>
        <right>Page {page} of {pages}</right>
        <note><xsl:value-of select="$confidential"/></note>
      </footer>
      <body>
        <section level="1" id="cover">
          <!-- "(Level IV)" and "application packet" never split -->
          <heading><xsl:call-template name="replace"><xsl:with-param name="s" select="$cl/@title"/><xsl:with-param name="from" select="'Level '"/><xsl:with-param name="to" select="'Level&#160;'"/></xsl:call-template>: application&#160;packet</heading>
          <table field="cover">
            <col width="1"/><col width="3"/>
            <row><cell>Applicant</cell><cell><b><span field="applicant name"><xsl:call-template name="src-line"><xsl:with-param name="of" select="$pf/p:applicant/p:name"/></xsl:call-template><xsl:value-of select="$name"/></span></b></cell></row>
            <xsl:if test="$pf/p:applicant/p:email">
              <row><cell>E-mail</cell><cell><span field="applicant e-mail"><xsl:call-template name="src-line"><xsl:with-param name="of" select="$pf/p:applicant/p:email"/></xsl:call-template><xsl:value-of select="$pf/p:applicant/p:email"/></span></cell></row>
            </xsl:if>
            <row><cell>Association</cell><cell><xsl:call-template name="association"><xsl:with-param name="cl" select="$cl"/></xsl:call-template></cell></row>
            <row><cell>Endorsement</cell><cell><xsl:value-of select="concat($cl/@title, ', ', $cl/@track-name, ' track')"/></cell></row>
            <xsl:if test="$pf/p:application/@submitted">
              <row><cell>Submitted</cell><cell><xsl:value-of select="$pf/p:application/@submitted"/></cell></row>
            </xsl:if>
            <row><cell>Evaluated as of</cell><cell><xsl:value-of select="$cl/@as-of"/></cell></row>
            <row>
              <cell>Overall result</cell>
              <cell><xsl:call-template name="result-mark"><xsl:with-param name="r" select="$cl/@result"/></xsl:call-template></cell>
            </row>
          </table>
          <p><xsl:call-template name="text"><xsl:with-param name="s" select="$cl/c:summary"/></xsl:call-template></p>
          <xsl:if test="$cl/c:missing/c:item">
            <p keep-with-next="yes"><b>Missing before submission</b> (the details are in <link to="missing">What is missing before submission</link>)</p>
            <list field="what is missing">
              <xsl:for-each select="$cl/c:missing/c:item">
                <item><b><xsl:call-template name="rule-id"><xsl:with-param name="id" select="@rule"/></xsl:call-template></b>: <xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></item>
              </xsl:for-each>
            </list>
          </xsl:if>
          <xsl:if test="$cl/@applied-to">
            <p style="note"><xsl:call-template name="text"><xsl:with-param name="s" select="concat('The portfolio applies to ', $cl/@applied-to, '; this packet evaluates it against the requirements of ', $cl/@association, '.')"/></xsl:call-template></p>
          </xsl:if>
        </section>

        <section level="2" id="summary">
          <heading>Checklist summary</heading>
          <p style="small"><xsl:value-of select="concat($cl/c:summary/@met, ' met, ', $cl/c:summary/@not-met, ' not met, ', $cl/c:summary/@pending, ' pending, ', $cl/c:summary/@review, ' for the committee to judge, ', $cl/c:summary/@not-applicable, &quot; not applicable. Each rule links to the part of the applicant's portfolio it reads; under each requirement is the line of the &quot;, $cl/@association, ' requirements where it is written.')"/></p>
          <table field="checklist">
            <col width="10"/><col width="17"/><col width="33"/><col width="40"/>
            <header><cell>Rule</cell><cell>Status</cell><cell>Requirement</cell><cell>Finding</cell></header>
            <xsl:for-each select="$cl/c:rule[@status != 'not-applicable']">
              <xsl:variable name="sec"><xsl:call-template name="section-of"><xsl:with-param name="type" select="@type"/></xsl:call-template></xsl:variable>
              <row>
                <cell><link to="{$sec}"><xsl:call-template name="rule-id"/></link></cell>
                <cell><xsl:call-template name="mark"><xsl:with-param name="s" select="@status"/></xsl:call-template></cell>
                <cell><xsl:call-template name="text"><xsl:with-param name="s" select="c:requirement"/></xsl:call-template><br/><i><xsl:call-template name="source-line"><xsl:with-param name="cl" select="$cl"/></xsl:call-template></i></cell>
                <cell>
                  <xsl:call-template name="text"><xsl:with-param name="s" select="c:explanation"/></xsl:call-template>
                  <xsl:if test="c:shortfall"><br/><b><xsl:call-template name="text"><xsl:with-param name="s" select="c:shortfall"/></xsl:call-template></b></xsl:if>
                </cell>
              </row>
            </xsl:for-each>
          </table>
          <xsl:if test="$cl/c:rule[@status = 'not-applicable']">
            <p style="small">
              <mark shape="dash">Not applicable to this applicant:</mark>
              <xsl:text> </xsl:text>
              <xsl:for-each select="$cl/c:rule[@status = 'not-applicable']">
                <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
                <b><xsl:call-template name="rule-id"/></b><xsl:text> </xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="c:explanation"/></xsl:call-template>
              </xsl:for-each>
            </p>
          </xsl:if>
        </section>

        <xsl:call-template name="education"/>
        <xsl:call-template name="training"/>
        <xsl:call-template name="experience"/>
        <xsl:call-template name="rsc"/>
        <xsl:call-template name="references"/>
        <xsl:call-template name="attestations"/>

        <section level="2" id="missing">
          <heading>What is missing before submission</heading>
          <!-- the section read at once: not split when a page can hold
               it (a last page held three of the list's four items) -->
          <keep>
            <xsl:choose>
              <xsl:when test="$cl/c:missing/c:item">
                <list field="what is missing">
                  <xsl:for-each select="$cl/c:missing/c:item">
                    <item><b><xsl:call-template name="rule-id"><xsl:with-param name="id" select="@rule"/></xsl:call-template></b>: <xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></item>
                  </xsl:for-each>
                </list>
              </xsl:when>
              <xsl:otherwise>
                <p>Nothing that can be checked from the applicant's portfolio is missing.</p>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="$cl/c:rule[@status = 'review' and not(@judgement)]">
              <p keep-with-next="yes">The committee will also judge:</p>
              <list>
                <xsl:for-each select="$cl/c:rule[@status = 'review' and not(@judgement)]">
                  <item><b><xsl:call-template name="rule-id"/></b>: <xsl:call-template name="text"><xsl:with-param name="s" select="c:explanation"/></xsl:call-template></item>
                </xsl:for-each>
              </list>
            </xsl:if>
          </keep>
        </section>
      </body>
    </document>
  </xsl:template>

  <!-- The rules a section's evidence belongs to, as a short list. -->
  <xsl:template name="rule-lines">
    <xsl:param name="rules"/>
    <!-- kept together: the section's heading goes with all of them -->
    <xsl:if test="$rules">
      <keep>
        <xsl:for-each select="$rules">
          <p style="small"><xsl:call-template name="mark"><xsl:with-param name="s" select="@status"/><xsl:with-param name="label" select="@id"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="c:explanation"/></xsl:call-template></p>
        </xsl:for-each>
      </keep>
    </xsl:if>
  </xsl:template>

  <xsl:template name="education">
    <section level="2" id="education">
      <heading>Degrees and transcripts</heading>
      <xsl:call-template name="rule-lines"><xsl:with-param name="rules" select="$cl/c:rule[@type = 'degree' or @type = 'transcripts' or @type = 'on-request'][@status != 'not-applicable']"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="$pf/p:education/p:degree | $pf/p:education/p:other-degree | $pf/p:education/p:program">
          <table field="degrees">
            <col width="30"/><col width="34"/><col width="16"/><col width="20"/>
            <header><cell>Degree or program</cell><cell>Institution</cell><cell>Awarded</cell><cell>Transcript</cell></header>
            <xsl:for-each select="$pf/p:education/p:degree | $pf/p:education/p:other-degree | $pf/p:education/p:program">
              <row>
                <cell>
                  <xsl:choose>
                    <xsl:when test="self::p:degree"><xsl:value-of select="@kind"/><xsl:if test="p:field"><xsl:text>, </xsl:text><span field="degree field"><xsl:call-template name="src-line"><xsl:with-param name="of" select="p:field"/></xsl:call-template><xsl:call-template name="text"><xsl:with-param name="s" select="p:field"/></xsl:call-template></span></xsl:if></xsl:when>
                    <xsl:when test="self::p:other-degree"><span field="degree"><xsl:call-template name="src-line"><xsl:with-param name="of" select="p:description"/></xsl:call-template><xsl:call-template name="text"><xsl:with-param name="s" select="p:description"/></xsl:call-template></span> (<xsl:value-of select="@level"/><xsl:if test="@imh-specific = 'yes'">, IMH-specific</xsl:if>)</xsl:when>
                    <xsl:otherwise><span field="program"><xsl:call-template name="src-line"><xsl:with-param name="of" select="p:title"/></xsl:call-template><xsl:call-template name="text"><xsl:with-param name="s" select="p:title"/></xsl:call-template></span> (<xsl:call-template name="word"><xsl:with-param name="code" select="@kind"/></xsl:call-template>)</xsl:otherwise>
                  </xsl:choose>
                </cell>
                <cell><span field="institution"><xsl:call-template name="src-line"><xsl:with-param name="of" select="p:institution"/></xsl:call-template><xsl:call-template name="text"><xsl:with-param name="s" select="p:institution"/></xsl:call-template></span></cell>
                <cell><xsl:value-of select="@awarded | @completed"/></cell>
                <cell>
                  <xsl:choose>
                    <xsl:when test="@transcript-received"><checkbox state="checked"><xsl:value-of select="concat('received ', @transcript-received)"/></checkbox></xsl:when>
                    <xsl:otherwise><checkbox state="empty">not received</checkbox></xsl:otherwise>
                  </xsl:choose>
                </cell>
              </row>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:otherwise><p>No degree is recorded.</p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$pf/p:education/p:in-service-request">
        <p><b>Request to use in-service training: </b><span field="in-service request"><xsl:call-template name="src-line"><xsl:with-param name="of" select="$pf/p:education/p:in-service-request"/></xsl:call-template><xsl:call-template name="text"><xsl:with-param name="s" select="$pf/p:education/p:in-service-request"/></xsl:call-template></span></p>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="training">
    <section level="2" id="training">
      <heading>Training log</heading>
      <xsl:call-template name="rule-lines"><xsl:with-param name="rules" select="$cl/c:rule[@type = 'hours' or @type = 'judgement'][@status != 'not-applicable'][not(@type = 'judgement') or starts-with(@id, 'TRN')]"/></xsl:call-template>
      <xsl:variable name="courses" select="$pf/p:training/p:course"/>
      <xsl:choose>
        <xsl:when test="$courses">
          <table field="training log">
            <col width="13"/><col width="37"/><col width="24"/><col width="10"/><col width="16"/>
            <header><cell>Date</cell><cell>Title</cell><cell>Provider</cell><cell>Hours</cell><cell>Running total</cell></header>
            <xsl:variable name="trn" select="generate-id($cl/c:rule[@type = 'hours'][1])"/>
            <xsl:for-each select="$courses">
              <!-- the checklist's running total: counted hours up to this
                   course, the as-of cut-off respected -->
              <xsl:variable name="pos" select="position()"/>
              <xsl:variable name="ev" select="key('hours-item', concat($trn, ' ', $pos))"/>
              <row>
                <cell><xsl:value-of select="@start"/></cell>
                <cell>
                  <span field="training title"><xsl:call-template name="src-line"><xsl:with-param name="of" select="p:title"/></xsl:call-template><xsl:call-template name="text"><xsl:with-param name="s" select="p:title"/></xsl:call-template></span>
                  <xsl:if test="$ev/@status = 'excluded'"><br/><i><xsl:call-template name="text"><xsl:with-param name="s" select="concat($ev/@reason, ': not counted')"/></xsl:call-template></i></xsl:if>
                  <xsl:if test="@in-service = 'yes'"><br/><i>in-service training</i></xsl:if>
                  <xsl:if test="p:competency"><br/><i><xsl:for-each select="p:competency"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:variable name="area" select="$cl/c:totals/c:competencies/c:area[@id = current()]"/><xsl:choose><xsl:when test="$area"><xsl:value-of select="$area/@name"/></xsl:when><xsl:otherwise><xsl:call-template name="word"><xsl:with-param name="code" select="."/></xsl:call-template></xsl:otherwise></xsl:choose></xsl:for-each></i></xsl:if>
                </cell>
                <cell><span field="training provider"><xsl:call-template name="src-line"><xsl:with-param name="of" select="p:provider"/></xsl:call-template><xsl:call-template name="text"><xsl:with-param name="s" select="p:provider"/></xsl:call-template></span></cell>
                <cell><xsl:value-of select="@hours"/></cell>
                <cell><xsl:value-of select="$ev/@running"/></cell>
              </row>
            </xsl:for-each>
          </table>
          <p><b><xsl:value-of select="concat('Relationship-based training: ', $cl/c:totals/c:training-hours, ' clock hours')"/><xsl:if test="$cl/c:totals/c:training-hours/@need"><xsl:value-of select="concat(' (', $cl/c:totals/c:training-hours/@need, ' required)')"/></xsl:if>.</b></p>
          <xsl:variable name="areas" select="$cl/c:totals/c:competencies"/>
          <xsl:if test="$areas">
            <p style="small"><xsl:value-of select="concat(&quot;The applicant's training covers &quot;, $areas/@covered, ' of the ', $areas/@of, ' competency areas.')"/>
              <xsl:if test="$areas/c:area[@covered = 'false']">
                <xsl:text> Not covered: </xsl:text>
                <xsl:for-each select="$areas/c:area[@covered = 'false']"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="@name"/></xsl:for-each>
                <xsl:text>.</xsl:text>
              </xsl:if>
            </p>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><p>No training is recorded.</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="experience">
    <section level="2" id="experience">
      <heading>Positions and leadership activities</heading>
      <xsl:call-template name="rule-lines"><xsl:with-param name="rules" select="$cl/c:rule[@type = 'experience' or @type = 'leadership-scope'][@status != 'not-applicable']"/></xsl:call-template>
      <xsl:if test="$cl/c:totals/c:experience">
        <table field="days of experience">
          <col width="10"/><col width="60"/><col width="15"/><col width="15"/>
          <header><cell>Rule</cell><cell>Kind of experience</cell><cell>Days counted</cell><cell>Days required</cell></header>
          <xsl:for-each select="$cl/c:totals/c:experience">
            <row><cell><xsl:call-template name="rule-id"><xsl:with-param name="id" select="@rule"/></xsl:call-template></cell><cell><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></cell><cell><xsl:value-of select="@days"/></cell><cell><xsl:value-of select="@need"/></cell></row>
          </xsl:for-each>
        </table>
        <xsl:if test="$cl/c:totals/c:graduate">
          <p style="small"><xsl:value-of select="concat('Post-graduate experience counts from the day after ', $cl/c:totals/c:graduate/@date, ' (', $cl/c:totals/c:graduate, '). Overlapping periods count once.')"/></p>
        </xsl:if>
      </xsl:if>
      <section level="3" id="positions">
        <heading>Positions</heading>
        <xsl:choose>
          <xsl:when test="$pf/p:experience/p:position">
            <table field="positions">
              <col width="28"/><col width="17"/><col width="27"/><col width="28"/>
              <header><cell>Role and employer</cell><cell>Period</cell><cell>Kinds of work</cell><cell>Days counted</cell></header>
              <xsl:for-each select="$pf/p:experience/p:position">
                <xsl:variable name="counted" select="key('position-item', concat(generate-id($cl), ' ', position()))"/>
                <row>
                  <cell><b><span field="position role"><xsl:call-template name="src-line"><xsl:with-param name="of" select="p:role"/></xsl:call-template><xsl:call-template name="text"><xsl:with-param name="s" select="p:role"/></xsl:call-template></span></b><br/><span field="employer"><xsl:call-template name="src-line"><xsl:with-param name="of" select="p:employer"/></xsl:call-template><xsl:call-template name="text"><xsl:with-param name="s" select="p:employer"/></xsl:call-template></span></cell>
                  <cell><xsl:value-of select="concat(@start, ' to ', @end)"/></cell>
                  <cell><xsl:call-template name="words"><xsl:with-param name="codes" select="@work"/></xsl:call-template><xsl:if test="p:description"><br/><i><span field="position description"><xsl:call-template name="src-line"><xsl:with-param name="of" select="p:description"/></xsl:call-template><xsl:call-template name="text"><xsl:with-param name="s" select="p:description"/></xsl:call-template></span></i></xsl:if></cell>
                  <cell><xsl:for-each select="$counted"><xsl:if test="position() &gt; 1"><br/></xsl:if><xsl:call-template name="rule-id"><xsl:with-param name="id" select="../../@id"/></xsl:call-template><xsl:choose><xsl:when test="@status = 'counted'"><xsl:call-template name="text"><xsl:with-param name="s" select="concat(': ', @days, ' days, ', @kind)"/></xsl:call-template></xsl:when><xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="s" select="concat(': ', @kind, ': ', @reason)"/></xsl:call-template></xsl:otherwise></xsl:choose></xsl:for-each><xsl:if test="not($counted)"><i>not counted for an experience requirement</i></xsl:if></cell>
                </row>
              </xsl:for-each>
            </table>
          </xsl:when>
          <xsl:otherwise><p>No position is recorded.</p></xsl:otherwise>
        </xsl:choose>
      </section>
      <section level="3" id="leadership">
        <heading>Leadership activities</heading>
        <xsl:choose>
          <xsl:when test="$pf/p:experience/p:leadership">
            <table field="leadership activities">
              <col width="24"/><col width="12"/><col width="22"/><col width="42"/>
              <header><cell>Activity</cell><cell>Scope</cell><cell>Period</cell><cell>Description</cell></header>
              <xsl:for-each select="$pf/p:experience/p:leadership">
                <row>
                  <cell><xsl:call-template name="word"><xsl:with-param name="code" select="@activity"/></xsl:call-template></cell>
                  <cell><xsl:value-of select="@scope"/></cell>
                  <cell><xsl:value-of select="@start"/><xsl:if test="@end"><xsl:value-of select="concat(' to ', @end)"/></xsl:if></cell>
                  <cell><span field="leadership description"><xsl:call-template name="src-line"><xsl:with-param name="of" select="p:description"/></xsl:call-template><xsl:call-template name="text"><xsl:with-param name="s" select="p:description"/></xsl:call-template></span></cell>
                </row>
              </xsl:for-each>
            </table>
          </xsl:when>
          <xsl:otherwise><p>No leadership activity is recorded.</p></xsl:otherwise>
        </xsl:choose>
      </section>
    </section>
  </xsl:template>

  <xsl:template name="rsc">
    <section level="2" id="rsc">
      <heading>Reflective supervision/consultation log</heading>
      <xsl:call-template name="rule-lines"><xsl:with-param name="rules" select="$cl/c:rule[starts-with(@type, 'rsc-')][@status != 'not-applicable']"/></xsl:call-template>
      <xsl:variable name="rscx" select="$cl/c:rule[@type = 'rsc-identified']/c:evidence/c:item[@status = 'excluded']"/>
      <xsl:choose>
        <xsl:when test="$pf/p:reflective-supervision/p:session">
          <table field="RS/C log">
            <col width="16"/><col width="16"/><col width="40"/><col width="12"/><col width="16"/>
            <header><cell>Date</cell><cell>Format</cell><cell>Supervisor/consultant</cell><cell>Hours</cell><cell>Counted</cell></header>
            <xsl:for-each select="$pf/p:reflective-supervision/p:session">
              <xsl:variable name="pid" select="@provider"/>
              <xsl:variable name="who" select="key('person', concat(generate-id($pf), ' ', $pid))"/>
              <xsl:variable name="bad" select="key('unqualified', concat(generate-id($cl), ' ', $pid))"/>
              <row>
                <cell><xsl:value-of select="@date"/></cell>
                <cell><xsl:call-template name="word"><xsl:with-param name="code" select="@format"/></xsl:call-template></cell>
                <cell>
                  <xsl:choose>
                    <xsl:when test="$who"><span field="RS/C provider"><xsl:call-template name="src-line"><xsl:with-param name="of" select="$who/p:name"/></xsl:call-template><xsl:value-of select="$who/p:name"/></span></xsl:when>
                    <xsl:otherwise><i>no supervisor/consultant</i></xsl:otherwise>
                  </xsl:choose>
                </cell>
                <cell><xsl:value-of select="@hours"/></cell>
                <cell>
                  <xsl:choose>
                    <xsl:when test="not($who) or @format = 'peer-group'"><checkbox state="crossed">no: no supervisor</checkbox></xsl:when>
                    <xsl:when test="$bad"><checkbox state="crossed">no: not qualified</checkbox></xsl:when>
                    <xsl:otherwise><checkbox state="checked">yes</checkbox></xsl:otherwise>
                  </xsl:choose>
                </cell>
              </row>
            </xsl:for-each>
          </table>
          <p>
            <b><xsl:value-of select="concat('RS/C hours that count: ', $cl/c:totals/c:rsc-hours, ' of ', $cl/c:totals/c:rsc-hours/@recorded, ' recorded.')"/></b>
            <xsl:if test="$cl/c:totals/c:rsc-window">
              <xsl:text> </xsl:text>
              <xsl:value-of select="concat('Window: ', $cl/c:totals/c:rsc-window/@hours, ' hours from ', $cl/c:totals/c:rsc-window/@from, ' to ', $cl/c:totals/c:rsc-window/@to, ' (', $cl/c:totals/c:rsc-window/@sessions, ' sessions)')"/>
              <xsl:variable name="wr" select="$cl/c:rule[@type = 'rsc-window']"/>
              <xsl:choose>
                <xsl:when test="not($wr) or $wr/@status = 'not-applicable'">.</xsl:when>
                <xsl:when test="$cl/c:totals/c:rsc-window/@valid = 'true'"><xsl:value-of select="concat(', within ', $cl/c:totals/c:rsc-window/@min-months, ' to ', $cl/c:totals/c:rsc-window/@max-months, ' months: it meets ')"/><xsl:call-template name="rule-id"><xsl:with-param name="id" select="$wr/@id"/></xsl:call-template>.</xsl:when>
                <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="s" select="concat(': the longest run so far; ', $wr/@id, ' asks for ', $cl/c:totals/c:rsc-window/@need, ' hours over ', $cl/c:totals/c:rsc-window/@min-months, ' to ', $cl/c:totals/c:rsc-window/@max-months, ' months.')"/></xsl:call-template></xsl:otherwise>
              </xsl:choose>
            </xsl:if>
          </p>
          <xsl:if test="$rscx">
            <p style="small" keep-with-next="yes">Not counted:</p>
            <list><xsl:for-each select="$rscx"><item><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></item></xsl:for-each></list>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><p>No reflective supervision/consultation is recorded.</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="references">
    <section level="2" id="references">
      <heading>References</heading>
      <xsl:call-template name="rule-lines"><xsl:with-param name="rules" select="$cl/c:rule[@type = 'references' or @type = 'rater-endorsed' or @type = 'reference-roles'][@status != 'not-applicable']"/></xsl:call-template>
      <xsl:variable name="slots" select="$cl/c:rule[@type = 'reference-roles']/c:evidence/c:item"/>
      <xsl:if test="$slots">
        <p keep-with-next="yes"><b>Reference roles of the <xsl:value-of select="$cl/@track-name"/> track</b></p>
        <list field="reference roles">
          <xsl:for-each select="$slots"><item><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></item></xsl:for-each>
        </list>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$pf/p:references/p:reference">
          <table field="references">
            <col width="34"/><col width="22"/><col width="18"/><col width="26"/>
            <header><cell>Rater</cell><cell>Role</cell><cell>Completed</cell><cell>Endorsement</cell></header>
            <xsl:for-each select="$pf/p:references/p:reference">
              <xsl:variable name="pid" select="@person"/>
              <xsl:variable name="who" select="key('person', concat(generate-id($pf), ' ', $pid))"/>
              <row>
                <cell><span field="reference name"><xsl:call-template name="src-line"><xsl:with-param name="of" select="$who/p:name"/></xsl:call-template><xsl:value-of select="$who/p:name"/></span><xsl:if test="$who/p:email"><br/><span field="reference e-mail"><xsl:call-template name="src-line"><xsl:with-param name="of" select="$who/p:email"/></xsl:call-template><xsl:value-of select="$who/p:email"/></span></xsl:if></cell>
                <cell><xsl:call-template name="word"><xsl:with-param name="code" select="@role"/></xsl:call-template><xsl:if test="@familiar-with-imh"><br/><i><xsl:value-of select="concat('familiar with IMH: ', @familiar-with-imh)"/></i></xsl:if></cell>
                <cell>
                  <xsl:choose>
                    <xsl:when test="@completed"><checkbox state="checked"><xsl:value-of select="@completed"/></checkbox></xsl:when>
                    <xsl:otherwise><checkbox state="empty">requested</checkbox></xsl:otherwise>
                  </xsl:choose>
                </cell>
                <cell>
                  <xsl:for-each select="$who/p:endorsement">
                    <xsl:if test="position() &gt; 1"><br/></xsl:if>
                    <xsl:value-of select="concat(@designation, ' Level ', @level, ' ')"/><span nowrap="yes"><xsl:value-of select="concat('(', @association, ')')"/></span>
                  </xsl:for-each>
                </cell>
              </row>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:otherwise><p>No reference is recorded.</p></xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$pf/p:references/p:statement">
        <p style="note"><xsl:text>Statement: </xsl:text><xsl:call-template name="word"><xsl:with-param name="code" select="@kind"/></xsl:call-template><xsl:if test="normalize-space(.) != ''">: <span field="statement"><xsl:call-template name="src-line"><xsl:with-param name="of" select="."/></xsl:call-template><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></span></xsl:if></p>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template name="attestations">
    <section level="2" id="attestations">
      <heading>Attestations, examination, membership and fees</heading>
      <table field="attestations">
        <col width="10"/><col width="17"/><col width="30"/><col width="43"/>
        <header><cell>Rule</cell><cell>Status</cell><cell>Requirement</cell><cell>Finding</cell></header>
        <xsl:for-each select="$cl/c:rule[@type = 'membership' or @type = 'fee' or @type = 'signature' or @type = 'exam']">
          <row>
            <cell><xsl:call-template name="rule-id"/></cell>
            <cell><xsl:call-template name="mark"><xsl:with-param name="s" select="@status"/></xsl:call-template></cell>
            <cell><xsl:call-template name="text"><xsl:with-param name="s" select="c:requirement"/></xsl:call-template></cell>
            <cell><xsl:call-template name="text"><xsl:with-param name="s" select="c:explanation"/></xsl:call-template><xsl:for-each select="c:evidence/c:item"><br/><span field="evidence"><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></span></xsl:for-each></cell>
          </row>
        </xsl:for-each>
      </table>
    </section>
  </xsl:template>

</xsl:stylesheet>
