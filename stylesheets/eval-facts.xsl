<?xml version="1.0" encoding="UTF-8"?>
<!--
  eval-facts.xsl: included by evaluate.xsl.  What the rules read, computed
  once per portfolio in time linear in its entries (O(n log n) where a
  sort is needed):

    $persons     one per person (RULES.md, distinct people): entries
                 that name the same person are pooled, so what one entry
                 records (endorsements, approved lists, vetting) holds
                 for the person in every rule
    $sessions    every RS/C session in portfolio order, with its fate
    $counted     the sessions that count, in date order
    $window      the best RS/C window, $reach what can still be built on
    $refs        every reference; $raters one completed rating a person
    $grad        where post-graduate time starts, and why
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:endorse:portfolio:1"
    xmlns:r="urn:endorse:requirements:1"
    xmlns="urn:endorse:checklist:1"
    xmlns:c="urn:endorse:checklist:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:ef="urn:endorse:functions"
    exclude-result-prefixes="p r c exsl ef">

  <xsl:key name="id" match="p:*[@id]" use="@id"/>

  <!-- ============================================================ -->
  <!-- People: one record per person, pooled from its entries       -->
  <!-- ============================================================ -->

  <!-- <g id group/>: each entry and the first entry of its person -->
  <xsl:variable name="groups" select="ef:person-groups($pf/p:people/p:person)"/>
  <xsl:key name="group-of" match="g" use="@id"/>

  <xsl:variable name="entries-rtf">
    <xsl:for-each select="$pf/p:people/p:person">
      <xsl:variable name="id" select="string(@id)"/>
      <e id="{@id}" name="{p:name}">
        <xsl:attribute name="group">
          <xsl:for-each select="$groups[1]"><xsl:value-of select="key('group-of', $id)/@group"/></xsl:for-each>
        </xsl:attribute>
        <!-- earned (vetted) after the evaluation date: not yet on it -->
        <xsl:copy-of select="p:endorsement[not(@earned) or number(translate(@earned, '-', '')) &lt;= $as-of-num] |
            p:approved-provider |
            p:vetted-level-iv-clinical[not(@date) or number(translate(@date, '-', '')) &lt;= $as-of-num]"/>
      </e>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="entries" select="exsl:node-set($entries-rtf)/c:e"/>
  <xsl:key name="entry" match="c:e" use="@id"/>
  <xsl:key name="entries-of" match="c:e" use="@group"/>

  <xsl:variable name="rsc-rule" select="$ruleset/r:rsc-provider[1]"/>

  <!-- Why a person (all its entries) qualifies as an RS/C provider:
       "label;" per alternative met, '' when none. -->
  <xsl:template name="qualifies">
    <xsl:param name="all"/>
    <xsl:for-each select="$rsc-rule/r:qualifies">
      <xsl:variable name="q" select="."/>
      <xsl:variable name="ok">
        <xsl:if test="$q/@approved-list = 'true' and $all/p:approved-provider[@association = $assoc]">yes</xsl:if>
        <xsl:if test="$q/@vetted = 'true' and $all/p:vetted-level-iv-clinical[@association = $assoc]">yes</xsl:if>
        <xsl:if test="$q/@levels and $all/p:endorsement[contains(concat(' ', normalize-space($q/@levels), ' '), concat(' ', @level, ' '))
            and (not($q/@track) or @track = $q/@track)]">yes</xsl:if>
      </xsl:variable>
      <xsl:if test="contains($ok, 'yes')"><xsl:value-of select="concat(@label, ';')"/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:variable name="persons-rtf">
    <xsl:for-each select="ef:distinct($entries, 'group')">
      <xsl:variable name="all" select="key('entries-of', @group)"/>
      <who group="{@group}" name="{@name}" entries="{count($all)}">
        <!-- every level the person has earned, " II IV " -->
        <xsl:attribute name="levels">
          <xsl:text> </xsl:text>
          <xsl:for-each select="$all/p:endorsement">
            <xsl:sort select="@level"/>
            <xsl:value-of select="concat(@level, ' ')"/>
          </xsl:for-each>
        </xsl:attribute>
        <xsl:attribute name="qualifies"><xsl:call-template name="qualifies"><xsl:with-param name="all" select="$all"/></xsl:call-template></xsl:attribute>
      </who>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="persons" select="exsl:node-set($persons-rtf)/c:who"/>
  <xsl:key name="who" match="c:who" use="@group"/>

  <!-- The person (group) of a person entry's id. -->
  <xsl:template name="group">
    <xsl:param name="id"/>
    <xsl:if test="string($id) != ''">
      <xsl:for-each select="$entries[1]"><xsl:value-of select="key('entry', string($id))/@group"/></xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Reflective supervision/consultation                          -->
  <!-- ============================================================ -->

  <!-- Every session in portfolio order with its fate:
       <s n date d h format provider group name reason why/> -->
  <xsl:variable name="sessions-rtf">
    <xsl:for-each select="$pf/p:reflective-supervision/p:session">
      <xsl:call-template name="check-person-ref"><xsl:with-param name="attr" select="@provider"/></xsl:call-template>
      <xsl:variable name="g"><xsl:call-template name="group"><xsl:with-param name="id" select="@provider"/></xsl:call-template></xsl:variable>
      <xsl:variable name="why">
        <xsl:if test="$g != ''"><xsl:for-each select="$persons[1]"><xsl:value-of select="key('who', $g)/@qualifies"/></xsl:for-each></xsl:if>
      </xsl:variable>
      <s n="{position()}" date="{@date}" d="{ef:day(@date)}" format="{@format}"
          provider="{@provider}" group="{$g}" name="{key('id', @provider)/p:name}">
        <xsl:attribute name="h"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@hours"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="reason">
          <xsl:choose>
            <xsl:when test="number(translate(@date, '-', '')) &gt; $as-of-num">after the evaluation date</xsl:when>
            <xsl:when test="@format = 'peer-group' and not(@provider)">peer group without a supervisor/consultant</xsl:when>
            <xsl:when test="not(@provider)">no identified supervisor/consultant</xsl:when>
            <xsl:when test="@format = 'peer-group'">peer group</xsl:when>
            <xsl:when test="$why = ''">provider does not qualify</xsl:when>
          </xsl:choose>
        </xsl:attribute>
        <xsl:attribute name="why"><xsl:value-of select="substring-before($why, ';')"/></xsl:attribute>
      </s>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="sessions" select="exsl:node-set($sessions-rtf)/c:s"/>

  <xsl:variable name="counted-rtf">
    <xsl:for-each select="$sessions[@reason = '']">
      <xsl:sort select="@d" data-type="number"/>
      <xsl:copy-of select="."/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="counted" select="exsl:node-set($counted-rtf)/c:s"/>
  <xsl:variable name="rsc-total" select="sum($counted/@h)"/>

  <!-- The RS/C window (two pointers over the sorted sessions, ef:window):
       <w from to n hours valid first-end last-end/> and, when some window
       can still end on or after the evaluation date, <reach from hours
       first-end last-end/>. -->
  <xsl:variable name="wrule" select="$ruleset/r:rsc-window[1]"/>
  <xsl:variable name="window-set" select="ef:window($counted, number(concat('0', $wrule/@min-months)),
      number(concat('0', $wrule/@max-months)), $as-of)"/>
  <xsl:variable name="window" select="$window-set[local-name() = 'w']"/>
  <xsl:variable name="reach" select="$window-set[local-name() = 'reach']"/>

  <!-- ============================================================ -->
  <!-- References                                                   -->
  <!-- ============================================================ -->

  <xsl:variable name="refs-rtf">
    <xsl:for-each select="$pf/p:references/p:reference">
      <xsl:call-template name="check-person-ref"><xsl:with-param name="attr" select="@person"/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$pf/p:references/p:reference">
      <xsl:variable name="g"><xsl:call-template name="group"><xsl:with-param name="id" select="@person"/></xsl:call-template></xsl:variable>
      <ref person="{@person}" group="{$g}" role="{@role}" name="{key('id', @person)/p:name}"
          completed="{@completed}" familiar="{@familiar-with-imh}"
          done="{boolean(@completed and number(translate(@completed, '-', '')) &lt;= $as-of-num)}">
        <xsl:attribute name="endorsed">
          <xsl:for-each select="$persons[1]"><xsl:value-of select="normalize-space(key('who', $g)/@levels)"/></xsl:for-each>
        </xsl:attribute>
      </ref>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="refs-all" select="exsl:node-set($refs-rtf)/c:ref"/>
  <!-- one completed rating per person: the first -->
  <xsl:variable name="raters" select="ef:distinct($refs-all[@done = 'true'], 'group')"/>
  <xsl:variable name="refs-marked-rtf">
    <xsl:for-each select="$refs-all">
      <xsl:copy>
        <xsl:copy-of select="@*"/>
        <xsl:attribute name="dup"><xsl:value-of select="@done = 'true' and count(. | $raters) != count($raters)"/></xsl:attribute>
      </xsl:copy>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="refs" select="exsl:node-set($refs-marked-rtf)/c:ref"/>
  <!-- one per rater (person), with every role of the person's completed
       ratings, " colleague rsc-provider ", and familiar="yes" when any
       of them states familiarity with IMH (RULES.md, distinct people:
       roles are pooled) -->
  <xsl:variable name="rater-roles-rtf">
    <xsl:for-each select="$raters">
      <xsl:variable name="g" select="@group"/>
      <xsl:variable name="all" select="$refs-all[@done = 'true' and @group = $g]"/>
      <rp group="{$g}" name="{@name}" familiar="{substring('yesno', 1 + 3 * number(not($all[@familiar = 'yes'])), 3 - number(not($all[@familiar = 'yes'])))}">
        <xsl:attribute name="roles">
          <xsl:text> </xsl:text>
          <xsl:for-each select="$all"><xsl:value-of select="concat(@role, ' ')"/></xsl:for-each>
        </xsl:attribute>
      </rp>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="rater-roles" select="exsl:node-set($rater-roles-rtf)/c:rp"/>

  <!-- ============================================================ -->
  <!-- Education: what EDU-1 relies on; where post-graduate starts  -->
  <!-- ============================================================ -->

  <xsl:variable name="edu-rule" select="$ruleset/r:degree[1]"/>
  <!-- awarded (completed) after the evaluation date: not yet on it -->
  <xsl:variable name="edu-held" select="$pf/p:education/*[(@awarded or @completed) and
      number(translate(concat(@awarded, @completed), '-', '')) &lt;= $as-of-num]"/>
  <xsl:variable name="edu-listed" select="$edu-held[self::p:degree and
      contains(concat(' ', normalize-space($edu-rule/@degrees), ' '), concat(' ', @kind, ' '))]"/>
  <xsl:variable name="edu-review" select="$edu-held[self::p:other-degree and @imh-specific = 'yes' and @level != 'bachelor'] |
      $edu-held[self::p:program]"/>
  <!-- what EDU-1 can rest on: the listed degrees, else what it sends to
       the committee -->
  <xsl:variable name="edu-basis" select="$edu-listed | $edu-review[not($edu-listed)]"/>

  <!-- <g date day from basis id>what</g>: the earliest award of
       $edu-basis, the one EDU-1 relies on; post-graduate time counts
       from the day after it -->
  <xsl:variable name="grad-rtf">
    <xsl:for-each select="$edu-basis">
      <xsl:sort select="translate(concat(@awarded, @completed), '-', '')" data-type="number"/>
      <xsl:if test="position() = 1">
        <xsl:variable name="date" select="concat(@awarded, @completed)"/>
        <g date="{$date}" day="{ef:day($date)}" from="{ef:date(ef:day($date) + 1)}" id="{generate-id()}">
          <xsl:attribute name="basis">
            <xsl:choose>
              <xsl:when test="$edu-listed">degree</xsl:when>
              <xsl:otherwise>review</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="concat(@kind[not(parent::p:program)], p:description, p:title, ', ', p:institution)"/>
        </g>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="grad" select="exsl:node-set($grad-rtf)/c:g"/>
  <!-- the one degree or program EDU-1 relies on (RULES.md, EDU-2:
       "claimed"): the one post-graduate time counts from -->
  <xsl:variable name="edu-relied" select="$edu-basis[generate-id() = $grad/@id]"/>

  <!-- One sentence: where post-graduate time starts, and why. -->
  <xsl:variable name="grad-why">
    <xsl:choose>
      <xsl:when test="$grad/@basis = 'degree'">
        <xsl:value-of select="concat('Post-graduate time counts from ', $grad/@from, ', the day after the qualifying degree (', $grad, ') was awarded on ', $grad/@date, '.')"/>
      </xsl:when>
      <xsl:when test="$grad">
        <xsl:value-of select="concat('No listed degree is recorded: post-graduate time counts from ', $grad/@from,
            ', the day after ', $grad, ' (', $grad/@date, '), which EDU-1 sends to the committee; the committee', &quot;'&quot;, 's EDU-1 judgement covers it.')"/>
      </xsl:when>
      <xsl:otherwise>No qualifying degree is recorded, so no post-graduate time can be counted.</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

</xsl:stylesheet>
